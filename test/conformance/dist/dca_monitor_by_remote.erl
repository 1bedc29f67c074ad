-module(dca_monitor_by_remote).
-export([main/0]).

%% A process of the peer monitors driver processes, by pid and by {Name, Node}: it sees the DOWN
%% with their exit reasons, `noproc` for one that is dead or a name nobody has; demonitor/2 works.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Self = self(),
    L1 = spawn(fun() -> receive {exit, R} -> exit(R) end end),
    M1 = spawn(Peer, dist_peer_a, monitor_ack, [L1, Self]),
    receive {monitoring, M1} -> ok end,
    L1 ! {exit, {bad, [1]}},
    receive {down_seen, O1, I1} -> io:format("by pid: ~w ~w~n", [O1 =:= L1, I1]) after 2000 -> io:format("no DOWN~n") end,
    L2 = spawn(fun() -> receive {exit, R} -> exit(R) end end),
    register(dca_local, L2),
    M2 = spawn(Peer, dist_peer_a, monitor_ack, [{dca_local, node()}, Self]),
    receive {monitoring, M2} -> ok end,
    L2 ! {exit, normal},
    receive {down_seen, O2, I2} -> io:format("by name: ~w ~w~n", [O2 =:= {dca_local, node()}, I2]) after 2000 -> io:format("no DOWN~n") end,
    M3 = spawn(Peer, dist_peer_a, monitor_ack, [L1, Self]),
    receive {monitoring, M3} -> ok end,
    receive {down_seen, O3, I3} -> io:format("dead pid: ~w ~w~n", [O3 =:= L1, I3]) after 2000 -> io:format("no DOWN~n") end,
    M4 = spawn(Peer, dist_peer_a, monitor_ack, [{dca_nobody, node()}, Self]),
    receive {monitoring, M4} -> ok end,
    receive {down_seen, O4, I4} -> io:format("unregistered name: ~w ~w~n", [O4 =:= {dca_nobody, node()}, I4]) after 2000 -> io:format("no DOWN~n") end,
    L5 = spawn(fun() -> receive {exit, R} -> exit(R) end end),
    M5 = spawn(Peer, dist_peer_a, monitor_ack, [L5, Self]),
    receive {monitoring, M5} -> ok end,
    L5 ! {exit, killed},
    receive {down_seen, _, I5} -> io:format("killed: ~w~n", [I5]) after 2000 -> io:format("no DOWN~n") end,
    L6 = spawn(fun() -> receive {exit, R} -> exit(R) end end),
    M6 = spawn(Peer, dist_peer_a, monitor_ack, [L6, Self]),
    receive {monitoring, M6} -> ok end,
    M6 ! {demonitor, Self},
    receive {demonitored, D} -> io:format("demonitor there: ~w~n", [D]) after 2000 -> io:format("no answer~n") end,
    exit(L6, kill).
