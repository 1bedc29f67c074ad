%% exit/2 with any other reason: a trapping target gets it as a message, a
%% non-trapping target dies with that reason.
-module(exit2_reason).
-export([main/0]).

main() ->
    Self = self(),
    Trapper = spawn(fun() ->
                            process_flag(trap_exit, true),
                            Self ! ready,
                            receive M -> Self ! {trapper_got, M} end
                    end),
    receive ready -> ok end,
    exit(Trapper, {custom, reason, [1, 2]}),
    receive {trapper_got, M} -> io:format("trapping target got: ~p~n", [M]) end,
    NonTrapper = spawn(fun() -> receive never -> ok end end),
    Ref = monitor(process, NonTrapper),
    true = exit(NonTrapper, {custom, reason}),
    receive {'DOWN', Ref, process, NonTrapper, R} -> io:format("non-trapping target died: ~p~n", [R]) end,
    {Dead, Ref2} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref2, process, Dead, _} -> ok end,
    io:format("exit/2 to a dead pid: ~p~n", [exit(Dead, whatever)]),
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
