%% Monitoring by registered name, or by {Name, Node}, reports the item as
%% {Name, Node}; an unregistered name gives noproc.
-module(monitor_registered_name).
-export([main/0]).

main() ->
    Pid = spawn(fun() -> receive stop -> exit(stopped) end end),
    register(conf_target, Pid),
    Ref = monitor(process, conf_target),
    Ref2 = monitor(process, {conf_target, node()}),
    conf_target ! stop,
    receive {'DOWN', Ref, process, Item, R} -> io:format("by name: ~p ~p~n", [Item, R]) end,
    receive {'DOWN', Ref2, process, Item2, R2} -> io:format("by {name, node}: ~p ~p~n", [Item2, R2]) end,
    Ref3 = monitor(process, conf_nobody),
    receive {'DOWN', Ref3, process, Item3, R3} -> io:format("unregistered name: ~p ~p~n", [Item3, R3]) end,
    Ref4 = monitor(process, {conf_nobody, node()}),
    receive {'DOWN', Ref4, process, Item4, R4} -> io:format("unregistered {name, node}: ~p ~p~n", [Item4, R4]) end,
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
