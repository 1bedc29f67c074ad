-module(dcb_rpc_cast).
-export([main/0]).

next() ->
    receive M -> M after 2000 -> nothing end.

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Srv = {dist_peer_srv, Peer},
    io:format("cast send: ~w~n", [rpc:cast(Peer, erlang, send, [self(), {from_cast, node()}])]),
    io:format("got: ~w~n", [next()]),
    io:format("cast put: ~w~n", [rpc:cast(Peer, gen_server, cast, [dist_peer_srv, {put, k, v1}])]),
    timer:sleep(50),
    io:format("get: ~w~n", [gen_server:call(Srv, {get, k})]),
    io:format("cast tell: ~w~n",
              [rpc:cast(Peer, gen_server, cast, [dist_peer_srv, {tell, self(), told}])]),
    io:format("got: ~w~n", [next()]),
    io:format("cast crash: ~w~n", [rpc:cast(Peer, dist_peer, crash, [throw])]),
    io:format("cast undef: ~w~n", [rpc:cast(Peer, no_such_module_here, f, [])]),
    io:format("cast bad args: ~w~n",
              [try rpc:cast(Peer, erlang, node, not_a_list) catch C:R -> {C, R} end]),
    io:format("erpc cast: ~w~n", [erpc:cast(Peer, erlang, send, [self(), erpc_cast])]),
    io:format("got: ~w~n", [next()]),
    io:format("erpc cast bad args: ~w~n",
              [try erpc:cast(Peer, "erlang", node, []) catch C2:R2 -> {C2, R2} end]),
    io:format("still there: ~w~n", [rpc:call(Peer, erlang, whereis, [dist_peer_srv]) =/= undefined]),
    io:format("clear: ~w~n", [gen_server:call(Srv, clear)]),
    io:format("mailbox: ~w~n", [receive M -> M after 50 -> empty end]).
