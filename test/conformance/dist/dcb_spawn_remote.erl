-module(dcb_spawn_remote).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Nobody = 'nobody_here@localhost',
    P = spawn(Peer, dist_peer, echo, []),
    io:format("spawn: ~w ~w~n", [is_pid(P), node(P) =:= Peer]),
    P ! {self(), hi},
    receive {P, M} -> io:format("echoed: ~w~n", [M]) end,
    {P2, R2} = spawn_monitor(Peer, dist_peer, exit_with, [bye]),
    receive {'DOWN', R2, process, P2, Why2} -> io:format("monitor: ~w ~w~n", [node(P2) =:= Peer, Why2]) end,
    {P3, R3} = spawn_monitor(Peer, erlang, apply, [fun lists:sum/1, [[1, 2]]]),
    receive {'DOWN', R3, process, P3, Why3} -> io:format("apply export fun: ~w~n", [Why3]) end,
    process_flag(trap_exit, true),
    P4 = spawn_link(Peer, dist_peer, exit_with, [linked_bye]),
    receive {'EXIT', P4, Why4} -> io:format("link: ~w~n", [Why4]) end,
    P5 = spawn_link(Peer, dist_peer, sum, [[1, 2]]),
    receive {'EXIT', P5, Why5} -> io:format("link normal: ~w~n", [Why5]) end,
    P6 = spawn(Nobody, dist_peer, echo, []),
    io:format("spawn nodedown: ~w ~w~n", [is_pid(P6), node(P6)]),
    {P7, R7} = spawn_monitor(Nobody, dist_peer, echo, []),
    receive {'DOWN', R7, process, P7, Why7} -> io:format("monitor nodedown: ~w ~w~n", [node(P7), Why7]) end,
    P8 = spawn_link(Nobody, dist_peer, echo, []),
    receive {'EXIT', P8, Why8} -> io:format("link nodedown: ~w ~w~n", [node(P8), Why8]) end,
    Ref = monitor(process, P),
    P ! stop,
    receive {'DOWN', Ref, process, P, Why} -> io:format("stopped: ~w~n", [Why]) end,
    io:format("mailbox: ~w~n", [receive Any -> Any after 50 -> empty end]).
