-module(dcb_gen_noproc).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Nobody = 'nobody_here@localhost',
    io:format("noproc: ~w~n", [try gen_server:call({no_such_srv, Peer}, hello) catch C:R -> {C, R} end]),
    io:format("noproc with timeout: ~w~n",
              [try gen_server:call({no_such_srv, Peer}, hello, 100) catch C2:R2 -> {C2, R2} end]),
    io:format("nodedown: ~w~n",
              [try gen_server:call({dist_peer_srv, Nobody}, hello) catch C3:R3 -> {C3, R3} end]),
    Dead = spawn(Peer, dist_peer, exit_with, [normal]),
    timer:sleep(50),
    io:format("dead pid: ~w~n", [try gen_server:call(Dead, hello) of V -> V catch C4:{R4, _} -> {C4, R4} end]),
    io:format("cast: ~w~n", [gen_server:cast({no_such_srv, Peer}, hello)]),
    io:format("cast nodedown: ~w~n", [gen_server:cast({dist_peer_srv, Nobody}, hello)]),
    io:format("cast dead pid: ~w~n", [gen_server:cast(Dead, hello)]),
    io:format("mailbox: ~w~n", [receive M -> M after 50 -> empty end]).
