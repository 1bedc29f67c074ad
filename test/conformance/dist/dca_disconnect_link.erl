-module(dca_disconnect_link).
-export([main/0]).

%% disconnect_node/1 while linked to and monitoring processes of the peer: the link breaks with
%% `noconnection` on both sides, the monitor fires `noconnection`; ping connects again.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    process_flag(trap_exit, true),
    P = spawn(Peer, dist_peer, echo, []),
    link(P),
    M = spawn(Peer, dist_peer, echo, []),
    Ref = monitor(process, M),
    P ! {self(), a},
    receive {P, a} -> ok end,
    M ! {self(), b},
    receive {M, b} -> ok end,
    ok = global:sync(), % global has done its sync since the last connect,
    timer:sleep(100), % and its locker has let go of the lock it took for it
    io:format("disconnect_node: ~w~n", [erlang:disconnect_node(Peer)]),
    receive {'EXIT', P, R1} -> io:format("EXIT ~w~n", [R1]) after 2000 -> io:format("no EXIT~n") end,
    receive {'DOWN', Ref, process, M, R2} -> io:format("DOWN ~w~n", [R2]) after 2000 -> io:format("no DOWN~n") end,
    io:format("in nodes(): ~w~n", [lists:member(Peer, nodes())]),
    io:format("disconnect_node again: ~w~n", [erlang:disconnect_node(Peer)]),
    io:format("ping: ~w~n", [net_adm:ping(Peer)]),
    io:format("in nodes(): ~w~n", [lists:member(Peer, nodes())]),
    timer:sleep(50),
    io:format("linked one alive there: ~w~n", [rpc:call(Peer, erlang, is_process_alive, [P])]),
    io:format("monitored one alive there: ~w~n", [rpc:call(Peer, erlang, is_process_alive, [M])]),
    M ! {self(), c},
    receive {M, c} -> io:format("monitored one answers again~n") after 2000 -> io:format("no echo~n") end,
    M ! stop,
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.
