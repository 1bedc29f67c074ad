-module(dc_multi_call).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    io:format("~p~n", [gen_server:multi_call([Peer, node(), 'nobody@nohost'], dist_peer_srv, {echo, hi})]),
    io:format("~p~n", [gen_server:multi_call([Peer], dist_peer_srv, {echo, again}, 1000)]),
    io:format("~p~n", [gen_server:multi_call([Peer], no_such_server, {echo, hi}, 1000)]),
    io:format("~p~n", [gen_server:multi_call([Peer], dist_peer_srv, {sleep, 300}, 50)]),
    timer:sleep(400),
    io:format("mailbox: ~p~n", [erlang:process_info(self(), messages)]).
