-module(dca_link_killed).
-export([main/0]).

%% Kill across a link: exit(P, kill) to a linked process of the peer gives the trapping driver
%% {'EXIT', P, killed}; a process of the peer that calls exit(kill) itself sends `kill`, which
%% its links see as an ordinary reason; a driver process killed gives its peer link `killed`.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Self = self(),
    process_flag(trap_exit, true),
    P1 = spawn(Peer, dist_peer, echo, []),
    link(P1),
    io:format("exit/2: ~w~n", [exit(P1, kill)]),
    receive {'EXIT', P1, R1} -> io:format("exit(P, kill): EXIT ~w~n", [R1]) after 2000 -> io:format("no EXIT~n") end,
    P2 = spawn(Peer, dist_peer, echo, []),
    link(P2),
    P2 ! {exit, kill},
    receive {'EXIT', P2, R2} -> io:format("exit(kill) there: EXIT ~w~n", [R2]) after 2000 -> io:format("no EXIT~n") end,
    P3 = spawn(Peer, dist_peer, echo, []),
    {L, Ref} = spawn_monitor(fun() -> link(P3), P3 ! {exit, kill}, receive never -> ok end end),
    receive {'DOWN', Ref, process, L, R3} -> io:format("not trapping, exit(kill) there: DOWN ~w~n", [R3])
    after 2000 -> io:format("no DOWN~n")
    end,
    L2 = spawn(fun() -> receive never -> ok end end),
    W = spawn(Peer, dist_peer_a, watcher, [Self]),
    receive {watching, W} -> ok end,
    W ! {link, L2},
    receive {linked, L2} -> ok end,
    exit(L2, kill),
    receive {trapped, {'EXIT', L2, R4}} -> io:format("driver process killed: the peer's EXIT ~w~n", [R4])
    after 2000 -> io:format("no report~n")
    end,
    W ! stop,
    receive {'EXIT', _, _} = E -> io:format("unexpected ~w~n", [E]) after 50 -> ok end.
