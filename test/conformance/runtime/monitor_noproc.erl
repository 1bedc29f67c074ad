%% Monitoring a dead pid gives a DOWN with noproc; demonitor/1 right after
%% such a monitor guarantees its DOWN never shows up (Erlang delivers the
%% noproc DOWN as a signal, and demonitor drops it).
%% Terms holding refs print with ~w: an Erlang ref's text length varies from run to
%% run, so ~p would break lines at different places.
-module(monitor_noproc).
-export([main/0]).

main() ->
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, normal} -> ok end,
    Ref2 = monitor(process, Dead),
    receive
        {'DOWN', Ref2, process, _, _} = M -> io:format("~p~n", [M])
    after 100 -> io:format("no DOWN~n")
    end,
    Ref3 = monitor(process, Dead),
    io:format("demonitor a noproc monitor: ~p~n", [demonitor(Ref3)]),
    timer:sleep(20),
    io:format("mailbox: ~w~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
