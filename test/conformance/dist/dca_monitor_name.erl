-module(dca_monitor_name).
-export([main/0]).

%% monitor/2 of {Name, Node} on the peer: the DOWN's object is {Name, Node}, not the pid; a name
%% registered after the monitor was made does not count.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    P = spawn(Peer, dist_peer, echo, []),
    io:format("register there: ~w~n", [rpc:call(Peer, erlang, register, [dca_named, P])]),
    Ref = monitor(process, {dca_named, Peer}),
    {dca_named, Peer} ! {self(), hi},
    receive {P, hi} -> io:format("echo by name: hi~n") after 2000 -> io:format("no echo~n") end,
    {dca_named, Peer} ! {exit, {shutdown, bye}},
    receive
        {'DOWN', Ref, process, Object, Info} ->
            io:format("DOWN ~w ~w, object is the pid: ~w~n", [Object =:= {dca_named, Peer}, Info, Object =:= P])
    after 2000 -> io:format("no DOWN~n")
    end,
    io:format("whereis there: ~w~n", [rpc:call(Peer, erlang, whereis, [dca_named])]),
    Ref2 = monitor(process, {dca_named, Peer}),
    receive {'DOWN', Ref2, process, O2, I2} -> io:format("name gone: DOWN ~w ~w~n", [O2 =:= {dca_named, Peer}, I2]) after 2000 -> io:format("no DOWN~n") end,
    Ref3 = monitor(process, {dist_peer_echo, Peer}),
    io:format("demonitor the peer's echo: ~w~n", [demonitor(Ref3, [flush, info])]),
    {dist_peer_echo, Peer} ! {self(), still},
    receive {dist_peer_echo, M} -> io:format("echo by name: ~w~n", [M]) after 2000 -> io:format("no echo~n") end.
