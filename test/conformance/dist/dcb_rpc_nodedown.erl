-module(dcb_rpc_nodedown).
-export([main/0]).

main() ->
    Nobody = 'nobody_here@localhost',
    io:format("call: ~w~n", [rpc:call(Nobody, erlang, node, [])]),
    io:format("call with timeout: ~w~n", [rpc:call(Nobody, erlang, node, [], 1000)]),
    io:format("cast: ~w~n", [rpc:cast(Nobody, erlang, node, [])]),
    io:format("erpc call: ~w~n", [try erpc:call(Nobody, erlang, node, []) catch C:R -> {C, R} end]),
    io:format("erpc call with timeout: ~w~n",
              [try erpc:call(Nobody, erlang, node, [], 1000) catch C2:R2 -> {C2, R2} end]),
    io:format("erpc cast: ~w~n", [erpc:cast(Nobody, erlang, node, [])]),
    io:format("multicall: ~w~n", [rpc:multicall([Nobody], erlang, node, [])]),
    io:format("erpc multicall: ~w~n", [erpc:multicall([Nobody], erlang, node, [])]),
    io:format("connected: ~w~n", [lists:member(Nobody, nodes())]),
    io:format("mailbox: ~w~n", [receive M -> M after 100 -> empty end]).
