-module(dcb_spawn_io).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    {P, Ref} = spawn_monitor(Peer, dist_peer, io_hello, [from_peer]),
    receive {'DOWN', Ref, process, P, Why} -> io:format("down: ~w~n", [Why]) end,
    io:format("rpc: ~w~n", [rpc:call(Peer, io, format, ["via rpc ~w ~s~n", [1, "str"]])]),
    io:format("erpc: ~w~n", [erpc:call(Peer, io, format, ["via erpc ~p~n", [{a, "b", <<"c">>}]])]),
    io:format("put_chars: ~w~n", [rpc:call(Peer, io, put_chars, [<<"binary chars\n">>])]),
    io:format("unicode: ~w~n", [rpc:call(Peer, io, format, ["~ts ~w~n", ["h\x{e9}llo \x{65e5}", '\x{e9}t\x{e9}']])]),
    io:format("nl: ~w~n", [rpc:call(Peer, io, nl, [])]),
    io:format("to user: ~w~n", [rpc:call(Peer, io, format, [user, "", []])]),
    GL = rpc:call(Peer, erlang, group_leader, []),
    io:format("group leader here: ~w~n", [node(GL) =:= node()]),
    io:format("bad format: ~w~n",
              [case rpc:call(Peer, io, format, ["~w~n", []]) of
                   {badrpc, {'EXIT', {R, [_ | _]}}} -> {badrpc, R};
                   Other -> Other
               end]),
    io:format("done~n").
