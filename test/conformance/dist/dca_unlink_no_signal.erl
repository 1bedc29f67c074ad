-module(dca_unlink_no_signal).
-export([main/0]).

%% unlink/1 across nodes, both ways: after it, a death on either side sends no signal.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Self = self(),
    process_flag(trap_exit, true),
    %% The driver links and unlinks, the peer's process dies.
    P = spawn(Peer, dist_peer, echo, []),
    Ref = monitor(process, P),
    link(P),
    io:format("unlink: ~w~n", [unlink(P)]),
    P ! {exit, foo},
    receive {'DOWN', Ref, process, P, R} -> io:format("DOWN ~w~n", [R]) end,
    receive {'EXIT', P, E} -> io:format("EXIT ~w~n", [E]) after 100 -> io:format("no EXIT~n") end,
    %% The driver unlinks a link the peer's process made; the driver's process dies.
    W = spawn(Peer, dist_peer_a, watcher, [Self]),
    receive {watching, W} -> ok end,
    L1 = spawn(fun() -> receive {unlink, X} -> unlink(X), Self ! unlinked end, receive die -> exit(bar) end end),
    W ! {link, L1},
    receive {linked, L1} -> ok end,
    L1 ! {unlink, W},
    receive unlinked -> ok end,
    L1 ! die,
    timer:sleep(100),
    W ! marker,
    receive {trapped, M1} -> io:format("the peer's process got first: ~w~n", [M1]) after 2000 -> io:format("nothing~n") end,
    %% The peer's process unlinks; the driver's process dies.
    L2 = spawn(fun() -> receive die -> exit(baz) end end),
    W ! {link, L2},
    receive {linked, L2} -> ok end,
    W ! {unlink, L2},
    receive {unlinked, L2} -> ok end,
    L2 ! die,
    timer:sleep(100),
    W ! marker,
    receive {trapped, M2} -> io:format("the peer's process got first: ~w~n", [M2]) after 2000 -> io:format("nothing~n") end,
    %% A driver process that does not trap exits, unlinked from a peer process that then dies.
    Q = spawn(Peer, dist_peer, echo, []),
    L3 = spawn(fun() -> link(Q), unlink(Q), Q ! {exit, boom}, receive ping -> Self ! {pong, self()} end end),
    timer:sleep(100),
    L3 ! ping,
    receive {pong, L3} -> io:format("unlinked driver process alive~n") after 2000 -> io:format("no pong~n") end,
    W ! stop.
