%% demonitor(Ref, [info]) tells whether the monitor was still active.
-module(demonitor_info).
-export([main/0]).

main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    Ref = monitor(process, P),
    io:format("active monitor: ~p~n", [demonitor(Ref, [info])]),
    io:format("again: ~p~n", [demonitor(Ref, [info])]),
    Ref2 = monitor(process, P),
    P ! stop,
    timer:sleep(20),
    io:format("after its DOWN: ~p~n", [demonitor(Ref2, [info])]),
    io:format("mailbox: ~p~n", [length(drain())]),
    {_, Ref3} = spawn_monitor(fun() -> ok end),
    timer:sleep(20),
    io:format("flush and info: ~p~n", [demonitor(Ref3, [flush, info])]),
    io:format("mailbox: ~p~n", [drain()]),
    P4 = spawn(fun() -> receive stop -> ok end end),
    Ref4 = monitor(process, P4),
    io:format("flush and info, active: ~p~n", [demonitor(Ref4, [flush, info])]),
    P4 ! stop,
    timer:sleep(20),
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
