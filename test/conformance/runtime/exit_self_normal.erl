%% exit(self(), normal) ends a process that does not trap exits; one that
%% traps exits gets {'EXIT', Self, normal} and goes on.
-module(exit_self_normal).
-export([main/0]).

main() ->
    Self = self(),
    {P1, R1} = spawn_monitor(fun() ->
                                     exit(self(), normal),
                                     Self ! not_reached
                             end),
    receive {'DOWN', R1, process, P1, Why1} -> io:format("not trapping: ~p~n", [Why1]) end,
    {P2, R2} = spawn_monitor(fun() ->
                                     process_flag(trap_exit, true),
                                     exit(self(), normal),
                                     receive M -> Self ! {trapped, M} end,
                                     Self ! still_alive
                             end),
    receive {trapped, M2} -> io:format("trapping: ~p, from itself: ~p~n", [M2, element(2, M2) =:= P2]) end,
    receive still_alive -> io:format("still alive~n") end,
    receive {'DOWN', R2, process, P2, Why2} -> io:format("then exited: ~p~n", [Why2]) end,
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
