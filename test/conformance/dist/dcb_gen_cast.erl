-module(dcb_gen_cast).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Srv = {dist_peer_srv, Peer},
    io:format("cast put: ~w~n", [gen_server:cast(Srv, {put, k, v})]),
    %% From one sender the cast comes before the call.
    io:format("get: ~w~n", [gen_server:call(Srv, {get, k})]),
    io:format("cast tell: ~w~n", [gen_server:cast(Srv, {tell, self(), {told, 1}})]),
    receive Told -> io:format("got: ~w~n", [Told]) after 2000 -> io:format("nothing~n") end,
    io:format("cast tell with pid: ~w~n", [gen_server:cast(Srv, {tell, self(), {told, self()}})]),
    receive {told, P} -> io:format("got our pid: ~w~n", [P =:= self()]) after 2000 -> io:format("nothing~n") end,
    Pid = rpc:call(Peer, erlang, whereis, [dist_peer_srv]),
    io:format("cast by pid: ~w~n", [gen_server:cast(Pid, {put, k2, 2.0})]),
    io:format("get: ~w~n", [gen_server:call(Srv, {get, k2})]),
    io:format("abcast: ~w~n", [gen_server:abcast([Peer], dist_peer_srv, {put, k3, [a, "b"]})]),
    timer:sleep(50),
    io:format("get: ~w~n", [gen_server:call(Srv, {get, k3})]),
    io:format("server alive: ~w~n", [rpc:call(Peer, erlang, is_process_alive, [Pid])]),
    io:format("clear: ~w~n", [gen_server:call(Srv, clear)]).
