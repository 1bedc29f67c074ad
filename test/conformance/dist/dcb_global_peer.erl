-module(dcb_global_peer).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Name = {dcb_global, "peer echo"},
    pong = net_adm:ping(Peer),
    io:format("sync: ~w ~w~n", [global:sync(), rpc:call(Peer, global, sync, [])]),
    P = spawn(Peer, dist_peer, echo, []),
    io:format("peer registers: ~w~n", [rpc:call(Peer, global, register_name, [Name, P])]),
    io:format("whereis here: ~w~n", [global:whereis_name(Name) =:= P]),
    io:format("in our names: ~w~n", [lists:member(Name, global:registered_names())]),
    io:format("send: ~w~n", [global:send(Name, {self(), hi}) =:= P]),
    receive {P, M1} -> io:format("echoed: ~w~n", [M1]) after 2000 -> io:format("nothing~n") end,
    io:format("we register it too: ~w~n", [global:register_name(Name, self())]),
    io:format("peer unregisters: ~w~n", [rpc:call(Peer, global, unregister_name, [Name])]),
    io:format("whereis here: ~w~n", [global:whereis_name(Name)]),
    io:format("peer registers again: ~w~n", [rpc:call(Peer, global, register_name, [Name, P])]),
    io:format("whereis here: ~w~n", [global:whereis_name(Name) =:= P]),
    Ref = monitor(process, P),
    P ! {exit, bye},
    receive {'DOWN', Ref, process, P, Why} -> io:format("down: ~w~n", [Why]) end,
    timer:sleep(50),
    io:format("whereis here after its death: ~w~n", [global:whereis_name(Name)]),
    io:format("whereis on peer after its death: ~w~n", [rpc:call(Peer, global, whereis_name, [Name])]),
    io:format("mailbox: ~w~n", [receive M2 -> M2 after 50 -> empty end]).
