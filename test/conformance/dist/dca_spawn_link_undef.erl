-module(dca_spawn_link_undef).
-export([main/0]).

%% spawn_link/4 and spawn_monitor/4 of functions the peer does not have: the new process exits
%% with {undef, Stack}; a crash there with {Reason, Stack}. Only the reason's head is printed.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    process_flag(trap_exit, true),
    P1 = spawn_link(Peer, dca_no_such_module, nofun, [1]),
    io:format("pid of the peer: ~w~n", [node(P1) =:= Peer]),
    receive {'EXIT', P1, R1} -> io:format("no module: EXIT ~w~n", [head(R1)]) after 2000 -> io:format("no EXIT~n") end,
    P2 = spawn_link(Peer, dist_peer, no_such_function, []),
    receive {'EXIT', P2, R2} -> io:format("no function: EXIT ~w~n", [head(R2)]) after 2000 -> io:format("no EXIT~n") end,
    P3 = spawn_link(Peer, dist_peer, echo, [too, many]),
    receive {'EXIT', P3, R3} -> io:format("wrong arity: EXIT ~w~n", [head(R3)]) after 2000 -> io:format("no EXIT~n") end,
    P4 = spawn_link(Peer, dist_peer, crash, [error]),
    receive {'EXIT', P4, R4} -> io:format("error(boom): EXIT ~w~n", [head(R4)]) after 2000 -> io:format("no EXIT~n") end,
    P5 = spawn_link(Peer, dist_peer, crash, [throw]),
    receive {'EXIT', P5, R5} -> io:format("throw(boom): EXIT ~w~n", [head(R5)]) after 2000 -> io:format("no EXIT~n") end,
    P6 = spawn_link(Peer, dist_peer, crash, [exit]),
    receive {'EXIT', P6, R6} -> io:format("exit(boom): EXIT ~w~n", [head(R6)]) after 2000 -> io:format("no EXIT~n") end,
    {P7, Ref} = spawn_monitor(Peer, dca_no_such_module, nofun, []),
    receive {'DOWN', Ref, process, P7, R7} -> io:format("spawn_monitor: DOWN ~w~n", [head(R7)]) after 2000 -> io:format("no DOWN~n") end,
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.

head({Reason, Stack}) when is_list(Stack) -> {Reason, stack};
head(Reason) -> Reason.
