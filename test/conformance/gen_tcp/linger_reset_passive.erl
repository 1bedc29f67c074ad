%% {linger, {true, 0}} makes close send a reset. A passive reader with the
%% default show_econnreset false sees {error, closed}; with
%% show_econnreset true it sees {error, econnreset}, then closed.
-module(linger_reset_passive).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C1 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {linger, {true, 0}}])),
    S1 = ok(gen_tcp:accept(LS)),
    io:format("~w~n", [inet:getopts(C1, [linger])]),
    io:format("~w~n", [inet:getopts(S1, [show_econnreset])]),
    ok = gen_tcp:close(C1),
    timer:sleep(30),
    io:format("default: ~p~n", [gen_tcp:recv(S1, 0, 1000)]),
    io:format("default: ~p~n", [gen_tcp:recv(S1, 0, 1000)]),
    ok = gen_tcp:close(S1),
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S2 = ok(gen_tcp:accept(LS)),
    ok = inet:setopts(S2, [{show_econnreset, true}]),
    ok = inet:setopts(C2, [{linger, {true, 0}}]),
    ok = gen_tcp:close(C2),
    timer:sleep(30),
    io:format("show_econnreset: ~p~n", [gen_tcp:recv(S2, 0, 1000)]),
    io:format("show_econnreset: ~p~n", [gen_tcp:recv(S2, 0, 1000)]),
    ok = gen_tcp:close(S2),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
