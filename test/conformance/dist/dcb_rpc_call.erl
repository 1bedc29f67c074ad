-module(dcb_rpc_call).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    io:format("node: ~w~n", [rpc:call(Peer, erlang, node, [])]),
    io:format("length: ~w~n", [rpc:call(Peer, erlang, length, [[a, b, c]])]),
    io:format("element: ~w~n", [rpc:call(Peer, erlang, element, [2, {x, y, z}])]),
    io:format("atom_to_list: ~w~n", [rpc:call(Peer, erlang, atom_to_list, [hello])]),
    io:format("list_to_atom: ~w~n", [rpc:call(Peer, erlang, list_to_atom, ["w\x{f6}rld"])]),
    io:format("abs: ~w~n", [rpc:call(Peer, erlang, abs, [-7])]),
    io:format("+: ~w~n", [rpc:call(Peer, erlang, '+', [1 bsl 62, 1 bsl 62])]),
    io:format("tuple_size: ~w~n", [rpc:call(Peer, erlang, tuple_size, [{}])]),
    io:format("node of our pid: ~w~n", [rpc:call(Peer, erlang, node, [self()])]),
    Echo = rpc:call(Peer, erlang, whereis, [dist_peer_echo]),
    io:format("whereis: ~w ~w~n", [is_pid(Echo), node(Echo) =:= Peer]),
    io:format("is_process_alive: ~w~n", [rpc:call(Peer, erlang, is_process_alive, [Echo])]),
    io:format("reverse: ~w~n", [rpc:call(Peer, lists, reverse, [[1, 2, 3]])]),
    io:format("seq: ~w~n", [rpc:call(Peer, lists, seq, [1, 5])]),
    io:format("sort: ~w~n", [rpc:call(Peer, lists, sort, [[c, a, b]])]),
    io:format("keyfind: ~w~n", [rpc:call(Peer, lists, keyfind, [b, 1, [{a, 1}, {b, 2}]])]),
    io:format("map: ~w~n", [rpc:call(Peer, lists, map, [fun erlang:abs/1, [-1, 2, -3]])]),
    io:format("foldl: ~w~n", [rpc:call(Peer, lists, foldl, [fun erlang:'+'/2, 0, [1, 2, 3]])]),
    io:format("flatten: ~w~n", [rpc:call(Peer, lists, flatten, [[[1], [[2]], 3]])]),
    io:format("sum: ~w~n", [rpc:call(Peer, dist_peer, sum, [[1, 2, 3, 4]])]),
    io:format("slow: ~w~n", [rpc:call(Peer, dist_peer, slow, [10, done], 2000)]),
    io:format("self differs: ~w~n", [rpc:call(Peer, erlang, self, []) =/= self()]).
