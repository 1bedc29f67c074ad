-module(dcb_rpc_timeout).
-export([main/0]).

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    io:format("times out: ~w~n", [rpc:call(Peer, dist_peer, slow, [300, late], 50)]),
    io:format("in time: ~w~n", [rpc:call(Peer, dist_peer, slow, [10, early], 2000)]),
    io:format("infinity: ~w~n", [rpc:call(Peer, dist_peer, slow, [10, inf], infinity)]),
    io:format("erpc times out: ~w~n",
              [try erpc:call(Peer, dist_peer, slow, [300, late], 50) catch C:R -> {C, R} end]),
    %% Both slow calls end on the peer while we wait: nothing of them may reach us.
    timer:sleep(400),
    io:format("mailbox: ~w~n", [flush()]),
    io:format("bad timeout: ~w~n",
              [try rpc:call(Peer, erlang, node, [], -1) catch C2:R2 -> {C2, R2} end]),
    io:format("erpc bad timeout: ~w~n",
              [try erpc:call(Peer, erlang, node, [], foo) catch C3:R3 -> {C3, R3} end]).
