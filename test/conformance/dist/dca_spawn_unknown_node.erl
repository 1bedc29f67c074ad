-module(dca_spawn_unknown_node).
-export([main/0]).

%% spawn/4, spawn_link/4 and spawn_monitor/4 on a node that does not exist: each gives a pid of
%% this node (a process that only says it could not start the function, and exits `noconnection`),
%% so a link brings `noconnection`, a monitor a `noconnection` DOWN; it does not live on.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    [_, Host] = string:split(atom_to_list(Peer), "@"),
    Nobody = list_to_atom("dca_nobody@" ++ Host),
    process_flag(trap_exit, true),
    P1 = spawn_link(Nobody, dist_peer, echo, []),
    io:format("spawn_link: a pid of this node: ~w~n", [node(P1) =:= node()]),
    receive {'EXIT', P1, R1} -> io:format("EXIT ~w~n", [R1]) after 2000 -> io:format("no EXIT~n") end,
    {P2, Ref} = spawn_monitor(Nobody, dist_peer, echo, []),
    io:format("spawn_monitor: a pid of this node: ~w~n", [node(P2) =:= node()]),
    receive {'DOWN', Ref, process, P2, R2} -> io:format("DOWN ~w~n", [R2]) after 2000 -> io:format("no DOWN~n") end,
    P3 = spawn(Nobody, dist_peer, echo, []),
    io:format("spawn: a pid of this node: ~w~n", [node(P3) =:= node()]),
    timer:sleep(100),
    io:format("alive after a while: ~w~n", [is_process_alive(P3)]),
    process_flag(trap_exit, false),
    {L, LRef} = spawn_monitor(fun() -> spawn_link(Nobody, dist_peer, echo, []), receive never -> ok end end),
    receive {'DOWN', LRef, process, L, R4} -> io:format("not trapping, spawn_link: DOWN ~w~n", [R4]) after 2000 -> io:format("no DOWN~n") end,
    io:format("in nodes(): ~w~n", [lists:member(Nobody, nodes())]),
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.
