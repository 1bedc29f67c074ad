-module(dcb_gen_call).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Srv = {dist_peer_srv, Peer},
    io:format("echo: ~w~n", [gen_server:call(Srv, {echo, {hello, [1, 2], <<"x">>, #{k => 1.5}}})]),
    io:format("echo pid: ~w~n", [gen_server:call(Srv, {echo, self()}) =:= self()]),
    io:format("put: ~w~n", [gen_server:call(Srv, {put, k, v1})]),
    io:format("put again: ~w~n", [gen_server:call(Srv, {put, k, v2})]),
    io:format("get: ~w~n", [gen_server:call(Srv, {get, k})]),
    io:format("get with timeout: ~w~n", [gen_server:call(Srv, {get, k}, 2000)]),
    io:format("get infinity: ~w~n", [gen_server:call(Srv, {get, k}, infinity)]),
    io:format("whoami: ~w~n", [gen_server:call(Srv, whoami)]),
    io:format("sleep: ~w~n", [gen_server:call(Srv, {sleep, 20})]),
    io:format("reply later: ~w~n", [gen_server:call(Srv, {reply_later, 30})]),
    io:format("reply later with timeout: ~w~n", [gen_server:call(Srv, {reply_later, 30}, 2000)]),
    Pid = rpc:call(Peer, erlang, whereis, [dist_peer_srv]),
    io:format("by pid: ~w~n", [gen_server:call(Pid, {get, k})]),
    io:format("via rpc: ~w~n", [rpc:call(Peer, gen_server, call, [dist_peer_srv, {get, k}])]),
    io:format("clear: ~w~n", [gen_server:call(Srv, clear)]),
    io:format("get after clear: ~w~n", [gen_server:call(Srv, {get, k})]),
    io:format("mailbox: ~w~n", [receive M -> M after 50 -> empty end]).
