-module(dca_send_unregistered).
-export([main/0]).

%% Sends that go nowhere raise nothing: to {Name, Peer} of a name nobody has there, to a dead pid of
%% the peer, to {Name, Node} of a node that does not exist; the connection is unharmed.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    [_, Host] = string:split(atom_to_list(Peer), "@"),
    Nobody = list_to_atom("dca_nobody@" ++ Host),
    io:format("to an unregistered name: ~w~n", [{dca_nobody, Peer} ! hello]),
    io:format("erlang:send: ~w~n", [erlang:send({dca_nobody, Peer}, hello)]),
    {P, Ref} = spawn_monitor(Peer, dist_peer, exit_with, [done]),
    receive {'DOWN', Ref, process, P, _} -> ok end,
    io:format("to a dead pid: ~w~n", [P ! hello]),
    io:format("to a node that is not there: ~w~n", [{dca_nobody, Nobody} ! hello]),
    {dist_peer_echo, Peer} ! {self(), still},
    receive {dist_peer_echo, M} -> io:format("the peer answers: ~w~n", [M]) after 2000 -> io:format("no answer~n") end,
    io:format("peer in nodes(): ~w~n", [lists:member(Peer, nodes())]),
    timer:sleep(100),
    io:format("nobody in nodes(): ~w~n", [lists:member(Nobody, nodes())]),
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.
