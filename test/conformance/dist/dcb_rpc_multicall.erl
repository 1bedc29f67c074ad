-module(dcb_rpc_multicall).
-export([main/0]).

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

head({badrpc, {'EXIT', {Reason, [_ | _]}}}) -> {badrpc, {'EXIT', {Reason, stack}}};
head({error, {exception, Reason, [_ | _]}}) -> {error, {exception, Reason, stack}};
head(Other) -> Other.

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Nobody = 'nobody_here@localhost',
    io:format("one: ~w~n", [rpc:multicall([Peer], erlang, node, [])]),
    io:format("twice: ~w~n", [rpc:multicall([Peer, Peer], dist_peer, sum, [[1, 2, 3]])]),
    io:format("bad node: ~w~n", [rpc:multicall([Nobody, Peer], lists, reverse, [[1, 2]])]),
    io:format("none: ~w~n", [rpc:multicall([], erlang, node, [])]),
    {Crashed, []} = rpc:multicall([Peer, Peer], dist_peer, crash, [error]),
    io:format("crash: ~w~n", [[head(R) || R <- Crashed]]),
    io:format("throw: ~w~n", [rpc:multicall([Peer], dist_peer, crash, [throw])]),
    io:format("exit: ~w~n", [rpc:multicall([Peer], dist_peer, crash, [exit])]),
    io:format("timeout: ~w~n", [rpc:multicall([Peer], dist_peer, slow, [300, late], 50)]),
    io:format("erpc: ~w~n", [erpc:multicall([Peer, Nobody], erlang, node, [])]),
    io:format("erpc classes: ~w~n",
              [[head(R) || R <- erpc:multicall([Peer, Peer, Peer], dist_peer, crash, [error])]
               ++ erpc:multicall([Peer, Peer], dist_peer, crash, [throw])
               ++ erpc:multicall([Peer], dist_peer, crash, [exit])]),
    io:format("erpc timeout: ~w~n", [erpc:multicall([Peer], dist_peer, slow, [300, late], 50)]),
    timer:sleep(350),
    io:format("mailbox: ~w~n", [flush()]).
