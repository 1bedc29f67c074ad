-module(dc_ping).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    io:format("ping peer: ~w~n", [net_adm:ping(Peer)]),
    io:format("peer in nodes(): ~w~n", [lists:member(Peer, nodes())]),
    io:format("peer in nodes(connected): ~w~n", [lists:member(Peer, nodes(connected))]),
    io:format("alive: ~w~n", [is_alive()]),
    io:format("ping nobody: ~w~n", [net_adm:ping('nobody_here@localhost')]),
    io:format("peer sees us: ~w~n", [lists:member(node(), rpc:call(Peer, erlang, nodes, []))]),
    io:format("peer pings us: ~w~n", [rpc:call(Peer, net_adm, ping, [node()])]).
