-module(dca_spawn_monitor_remote).
-export([main/0]).

%% spawn_monitor/4 on the peer: the reference is the monitor's, the DOWN carries how the process
%% ended; demonitor/2 of it with flush leaves nothing.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    {P1, R1} = spawn_monitor(Peer, dist_peer, exit_with, [bye]),
    io:format("pid of the peer: ~w, ref: ~w~n", [node(P1) =:= Peer, is_reference(R1)]),
    receive {'DOWN', R1, process, O1, I1} -> io:format("DOWN ~w ~w~n", [O1 =:= P1, I1]) after 2000 -> io:format("no DOWN~n") end,
    {P2, R2} = spawn_monitor(Peer, dist_peer, sum, [[1, 2, 3]]),
    receive {'DOWN', R2, process, P2, I2} -> io:format("returned: DOWN ~w~n", [I2]) after 2000 -> io:format("no DOWN~n") end,
    {P3, R3} = spawn_monitor(Peer, dist_peer, exit_after, [50, {shutdown, late}]),
    receive {'DOWN', R3, process, P3, I3} -> io:format("later: DOWN ~w~n", [I3]) after 2000 -> io:format("no DOWN~n") end,
    {P4, R4} = spawn_monitor(Peer, dist_peer, echo, []),
    P4 ! {self(), hi},
    receive {P4, hi} -> io:format("it runs: hi~n") after 2000 -> io:format("no echo~n") end,
    io:format("demonitor: ~w~n", [demonitor(R4, [flush])]),
    exit(P4, kill),
    {P5, R5} = spawn_monitor(Peer, dist_peer, echo, []),
    exit(P5, kill),
    receive {'DOWN', R5, process, P5, I5} -> io:format("killed: DOWN ~w~n", [I5]) after 2000 -> io:format("no DOWN~n") end,
    receive Other -> io:format("unexpected ~w~n", [Other]) after 100 -> io:format("nothing else~n") end.
