%% A reset reaching an active socket: with show_econnreset true the owner
%% gets {tcp_error, S, econnreset} then {tcp_closed, S}; with the default
%% false only {tcp_closed, S}.
-module(linger_reset_active).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}])),
    Port = ok(inet:port(LS)),
    C1 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {linger, {true, 0}}])),
    S1 = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:close(C1),
    timer:sleep(50),
    io:format("default: ~w~n", [drain()]),
    ok = gen_tcp:close(S1),
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {linger, {true, 0}}])),
    S2 = ok(gen_tcp:accept(LS)),
    ok = inet:setopts(S2, [{show_econnreset, true}]),
    ok = gen_tcp:close(C2),
    timer:sleep(50),
    io:format("show_econnreset: ~w~n", [drain()]),
    ok = gen_tcp:close(S2),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
