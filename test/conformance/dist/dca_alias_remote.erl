-module(dca_alias_remote).
-export([main/0]).

%% Aliases as reply addresses for a process of the peer: a reply through an active alias arrives,
%% one through an alias that was deactivated (unalias/1, a `reply` alias used once, a monitor
%% alias after demonitor) is dropped.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    P = spawn(Peer, dist_peer, echo, []),
    A = alias(),
    P ! {A, one},
    receive {P, M1} -> io:format("through an alias: ~w~n", [M1]) after 2000 -> io:format("nothing~n") end,
    io:format("unalias: ~w~n", [unalias(A)]),
    P ! {A, two},
    P ! {self(), sync},
    receive {P, M2} -> io:format("after unalias, first: ~w~n", [M2]) after 2000 -> io:format("nothing~n") end,
    R = alias([reply]),
    P ! {R, three},
    P ! {R, four},
    P ! {self(), sync},
    io:format("a reply alias: ~w~n", [[receive {P, X} -> X after 2000 -> nothing end || _ <- [1, 2]]]),
    io:format("unalias it after: ~w~n", [unalias(R)]),
    MRef = monitor(process, P, [{alias, demonitor}]),
    P ! {MRef, five},
    receive {P, M5} -> io:format("through a monitor alias: ~w~n", [M5]) after 2000 -> io:format("nothing~n") end,
    io:format("demonitor: ~w~n", [demonitor(MRef)]),
    P ! {MRef, six},
    P ! {self(), sync},
    receive {P, M6} -> io:format("after demonitor, first: ~w~n", [M6]) after 2000 -> io:format("nothing~n") end,
    MRef2 = monitor(process, P, [{alias, reply_demonitor}]),
    P ! {MRef2, seven},
    receive {P, M7} -> io:format("reply_demonitor alias: ~w~n", [M7]) after 2000 -> io:format("nothing~n") end,
    P ! stop,
    receive {'DOWN', MRef2, _, _, _} = D -> io:format("unexpected ~w~n", [D]) after 100 -> io:format("no DOWN: the reply demonitored~n") end,
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.
