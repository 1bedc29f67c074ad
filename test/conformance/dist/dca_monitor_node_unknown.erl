-module(dca_monitor_node_unknown).
-export([main/0]).

%% monitor_node/2 of a node that does not exist: {nodedown, Node} comes at once, and the node is in
%% no nodes() list; net_kernel:monitor_nodes says nothing of a connection that never came up.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    [_, Host] = string:split(atom_to_list(Peer), "@"),
    Nobody = list_to_atom("dca_nobody@" ++ Host),
    ok = net_kernel:monitor_nodes(true),
    io:format("monitor_node: ~w~n", [monitor_node(Nobody, true)]),
    receive {nodedown, Nobody} -> io:format("nodedown for the node that is not there~n") after 2000 -> io:format("no nodedown~n") end,
    io:format("in nodes(): ~w~n", [lists:member(Nobody, nodes())]),
    io:format("monitor_node twice: ~w ~w~n", [monitor_node(Nobody, true), monitor_node(Nobody, true)]),
    timer:sleep(100),
    io:format("got: ~w~n", [[M =:= {nodedown, Nobody} || M <- drain()]]),
    io:format("monitor_node of the peer, then false: ~w ~w~n", [monitor_node(Peer, true), monitor_node(Peer, false)]),
    io:format("monitor_node false of no monitor: ~w~n", [monitor_node(Nobody, false)]),
    timer:sleep(50),
    io:format("got: ~w~n", [drain()]),
    ok = net_kernel:monitor_nodes(false).

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
