-module(dca_monitor_noproc).
-export([main/0]).

%% monitor/2 of a dead pid of the peer, and of a name nobody has there: a `noproc` DOWN at once.
%% A monitor taken back before the death sends nothing.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    {P, Ref} = spawn_monitor(Peer, dist_peer, exit_with, [done]),
    receive {'DOWN', Ref, process, P, R} -> io:format("DOWN ~w~n", [R]) end,
    Ref2 = monitor(process, P),
    receive {'DOWN', Ref2, process, O2, I2} -> io:format("dead pid: DOWN ~w ~w~n", [O2 =:= P, I2]) after 2000 -> io:format("no DOWN~n") end,
    Ref3 = monitor(process, {dca_nobody, Peer}),
    receive {'DOWN', Ref3, process, O3, I3} -> io:format("unregistered name: DOWN ~w ~w~n", [O3, I3]) after 2000 -> io:format("no DOWN~n") end,
    Q = spawn(Peer, dist_peer, echo, []),
    Ref4 = monitor(process, Q),
    Ref5 = monitor(process, Q),
    io:format("demonitor: ~w~n", [demonitor(Ref4)]),
    Q ! {exit, foo},
    receive {'DOWN', Ref5, process, Q, I5} -> io:format("second monitor: DOWN ~w~n", [I5]) after 2000 -> io:format("no DOWN~n") end,
    receive {'DOWN', Ref4, _, _, _} = D -> io:format("unexpected ~w~n", [D]) after 50 -> io:format("no DOWN for the demonitored one~n") end.
