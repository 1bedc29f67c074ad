-module(dca_demonitor_flush).
-export([main/0]).

%% demonitor/2 of a monitor of a peer process: `flush` takes away a DOWN already in the mailbox,
%% `info` says whether the monitor was still on.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    P = spawn(Peer, dist_peer, echo, []),
    Ref = monitor(process, P),
    P ! {exit, gone},
    timer:sleep(100),
    io:format("demonitor [flush] after the DOWN came: ~w~n", [demonitor(Ref, [flush])]),
    receive {'DOWN', Ref, _, _, _} -> io:format("DOWN still there~n") after 0 -> io:format("flushed~n") end,
    Q = spawn(Peer, dist_peer, echo, []),
    Ref2 = monitor(process, Q),
    io:format("demonitor [info] while on: ~w~n", [demonitor(Ref2, [info])]),
    Ref3 = monitor(process, Q),
    Q ! {exit, gone},
    timer:sleep(100),
    io:format("demonitor [flush, info] after the DOWN: ~w~n", [demonitor(Ref3, [flush, info])]),
    io:format("again: ~w~n", [demonitor(Ref3, [info])]),
    R = spawn(Peer, dist_peer, echo, []),
    Ref4 = monitor(process, R),
    R ! {exit, gone},
    timer:sleep(100),
    io:format("demonitor [info] after the DOWN: ~w~n", [demonitor(Ref4, [info])]),
    receive {'DOWN', Ref4, process, R, I} -> io:format("DOWN kept: ~w~n", [I]) after 0 -> io:format("no DOWN~n") end,
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("mailbox empty~n") end.
