-module(dca_disconnect_nodedown).
-export([main/0]).

%% disconnect_node/1: {nodedown, Peer} for each monitor_node/2 and for net_kernel:monitor_nodes,
%% then {nodeup, Peer} to the monitor_nodes subscriber when net_adm:ping connects again.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    io:format("monitor_nodes: ~w~n", [net_kernel:monitor_nodes(true)]),
    io:format("monitor_node: ~w~n", [monitor_node(Peer, true)]),
    io:format("monitor_node again: ~w~n", [monitor_node(Peer, true)]),
    ok = global:sync(), % global has done its sync since the last connect,
    timer:sleep(100), % and its locker has let go of the lock it took for it
    io:format("disconnect_node: ~w~n", [erlang:disconnect_node(Peer)]),
    timer:sleep(100),
    io:format("got: ~w~n", [lists:sort(drain())]),
    io:format("ping: ~w~n", [net_adm:ping(Peer)]),
    receive {nodeup, Peer} = Up -> io:format("~w~n", [Up =:= {nodeup, Peer}]) after 2000 -> io:format("no nodeup~n") end,
    io:format("monitor_node after the nodedown: ~w~n", [monitor_node(Peer, true)]),
    io:format("monitor_node false: ~w~n", [monitor_node(Peer, false)]),
    io:format("monitor_nodes false: ~w~n", [net_kernel:monitor_nodes(false)]),
    ok = global:sync(), % global has done its sync since the last connect,
    timer:sleep(100), % and its locker has let go of the lock it took for it
    io:format("disconnect_node: ~w~n", [erlang:disconnect_node(Peer)]),
    timer:sleep(100),
    io:format("got: ~w~n", [lists:sort(drain())]),
    io:format("ping: ~w~n", [net_adm:ping(Peer)]),
    timer:sleep(50),
    io:format("got: ~w~n", [lists:sort(drain())]).

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
