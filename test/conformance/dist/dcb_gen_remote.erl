-module(dcb_gen_remote).
-export([main/0]).

start(Peer) ->
    {ok, Pid} = rpc:call(Peer, gen_server, start, [{local, dcb_srv}, dist_peer_b, #{n => 1}, []]),
    io:format("started: ~w~n", [node(Pid) =:= Peer]),
    Pid.

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Srv = {dcb_srv, Peer},
    start(Peer),
    io:format("state: ~w~n", [gen_server:call(Srv, state)]),
    io:format("stop with reply: ~w~n", [gen_server:call(Srv, {stop, normal, bye})]),
    timer:sleep(50),
    io:format("gone: ~w~n", [rpc:call(Peer, erlang, whereis, [dcb_srv])]),
    start(Peer),
    io:format("stop without reply: ~w~n",
              [try gen_server:call(Srv, {stop, shutdown}) catch C:R -> {C, R} end]),
    start(Peer),
    io:format("crash: ~w~n",
              [try gen_server:call(Srv, {crash, boom})
               catch C2:{{R2, [_ | _]}, Call} -> {C2, R2, Call}
               end]),
    timer:sleep(50),
    io:format("gone: ~w~n", [rpc:call(Peer, erlang, whereis, [dcb_srv])]),
    {ok, Anon} = rpc:call(Peer, gen_server, start, [dist_peer_b, [x], []]),
    io:format("unregistered: ~w~n", [gen_server:call(Anon, state)]),
    Ref = monitor(process, Anon),
    io:format("cast stop: ~w~n", [gen_server:cast(Anon, {stop, normal})]),
    receive {'DOWN', Ref, process, Anon, Why} -> io:format("down: ~w~n", [Why]) end,
    Srv2 = start(Peer),
    io:format("stop: ~w~n", [gen_server:stop(Srv)]),
    io:format("alive: ~w~n", [rpc:call(Peer, erlang, is_process_alive, [Srv2])]),
    io:format("stop again: ~w~n", [try gen_server:stop(Srv) catch C3:R3 -> {C3, R3} end]).
