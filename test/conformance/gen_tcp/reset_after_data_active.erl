%% Data followed by a reset, on an active socket with show_econnreset:
%% the data comes first, then {tcp_error, S, econnreset}, then
%% {tcp_closed, S}; a send afterwards fails.
-module(reset_after_data_active).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}, {show_econnreset, true}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {linger, {true, 0}}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("~w~n", [inet:getopts(S, [show_econnreset])]),
    ok = gen_tcp:send(C, <<"before the reset">>),
    timer:sleep(20),
    ok = gen_tcp:close(C),
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    io:format("send: ~w~n", [gen_tcp:send(S, <<"x">>)]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
