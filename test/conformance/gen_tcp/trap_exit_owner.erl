%% An owner that traps exits: a peer close on its active socket gives only
%% {tcp_closed, S}, and closing its own sockets leaves no 'EXIT' message
%% behind.
-module(trap_exit_owner).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    LS = ok(gen_tcp:listen(0, [binary, {active, true}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:close(C),
    timer:sleep(50),
    io:format("peer closed: ~w~n", [drain()]),
    ok = gen_tcp:close(S),
    timer:sleep(20),
    io:format("own close: ~w~n", [drain()]),
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S2 = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:close(S2),
    timer:sleep(50),
    io:format("passive, peer closed: ~w~n", [drain()]),
    io:format("~w~n", [gen_tcp:recv(C2, 0, 100)]),
    ok = gen_tcp:close(C2),
    ok = gen_tcp:close(LS),
    timer:sleep(20),
    io:format("all closed: ~w~n", [drain()]),
    process_flag(trap_exit, false).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
