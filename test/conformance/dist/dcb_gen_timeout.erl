-module(dcb_gen_timeout).
-export([main/0]).

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Srv = {dist_peer_srv, Peer},
    io:format("sleep: ~w~n", [try gen_server:call(Srv, {sleep, 200}, 50) catch C:R -> {C, R} end]),
    %% The server answers the first call after 200 ms, this one after it: both too late.
    io:format("reply later: ~w~n",
              [try gen_server:call(Srv, {reply_later, 100}, 50) catch C2:R2 -> {C2, R2} end]),
    timer:sleep(350),
    io:format("late replies: ~w~n", [flush()]),
    io:format("catch: ~w~n", [catch gen_server:call(Srv, {reply_later, 100}, 20)]),
    timer:sleep(150),
    io:format("late replies: ~w~n", [flush()]),
    io:format("still serving: ~w~n", [gen_server:call(Srv, {echo, still})]).
