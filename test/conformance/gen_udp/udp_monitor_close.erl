%% inet:monitor/1 on a gen_udp socket: {'DOWN', Ref, port, S, normal} when
%% its owner closes it, or another process does; cancel_monitor removes a
%% monitor (no DOWN); several monitors each get their DOWN. An owner that
%% traps exits finds no 'EXIT' after closing its own socket, but gets
%% {'EXIT', S, normal} when another process closes it. From
%% gen_udp_SUITE:socket_monitor1, socket_monitor1_manyc and
%% socket_monitor1_demon_after.
-module(udp_monitor_close).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0)),
    M1 = inet:monitor(S),
    M2 = inet:monitor(S),
    M3 = inet:monitor(S),
    io:format("cancel: ~w~n", [inet:cancel_monitor(M3)]),
    ok = gen_udp:close(S),
    receive {'DOWN', M1, port, S, R1} -> io:format("first: ~w~n", [R1]) after 1000 -> io:format("no DOWN~n") end,
    receive {'DOWN', M2, port, S, R2} -> io:format("second: ~w~n", [R2]) after 1000 -> io:format("no DOWN~n") end,
    timer:sleep(20),
    io:format("mailbox: ~w~n", [drain()]),
    process_flag(trap_exit, true),
    S2 = ok(gen_udp:open(0)),
    M4 = inet:monitor(S2),
    ok = gen_udp:close(S2),
    receive {'DOWN', M4, port, S2, R4} -> io:format("own close: ~w~n", [R4]) after 1000 -> io:format("no DOWN~n") end,
    timer:sleep(20),
    io:format("mailbox: ~w~n", [drain()]),
    S3 = ok(gen_udp:open(0)),
    M5 = inet:monitor(S3),
    Self = self(),
    spawn(fun() -> Self ! {closed, gen_udp:close(S3)} end),
    receive {closed, C} -> io:format("closed by another process: ~w~n", [C]) end,
    receive {'DOWN', M5, port, S3, R5} -> io:format("DOWN: ~w~n", [R5]) after 1000 -> io:format("no DOWN~n") end,
    timer:sleep(20),
    io:format("mailbox: ~w~n", [[case M of {'EXIT', S3, R} -> {'EXIT', socket, R}; _ -> M end || M <- drain()]]),
    process_flag(trap_exit, false).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
