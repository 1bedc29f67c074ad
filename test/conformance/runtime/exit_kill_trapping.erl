%% kill cannot be trapped: the target dies with reason killed.
-module(exit_kill_trapping).
-export([main/0]).

main() ->
    Self = self(),
    Victim = spawn(fun() ->
                           process_flag(trap_exit, true),
                           Self ! ready,
                           receive never -> ok end
                   end),
    receive ready -> ok end,
    Ref = monitor(process, Victim),
    exit(Victim, kill),
    receive {'DOWN', Ref, process, Victim, _} = M1 -> io:format("~p~n", [M1]) end,
    {P2, Ref2} = spawn_monitor(fun() ->
                                       process_flag(trap_exit, true),
                                       exit(self(), kill),
                                       Self ! not_reached
                               end),
    receive {'DOWN', Ref2, process, P2, R2} -> io:format("exit(self(), kill) while trapping: ~p~n", [R2]) end,
    Plain = spawn(fun() -> receive never -> ok end end),
    Ref3 = monitor(process, Plain),
    exit(Plain, kill),
    receive {'DOWN', Ref3, process, Plain, R3} -> io:format("not trapping: ~p~n", [R3]) end,
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
