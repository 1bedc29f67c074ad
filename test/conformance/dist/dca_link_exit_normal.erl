-module(dca_link_exit_normal).
-export([main/0]).

%% A linked process of the peer that ends normally: a trapping driver process gets
%% {'EXIT', P, normal}, one that does not trap exits lives on.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Self = self(),
    process_flag(trap_exit, true),
    P1 = spawn(Peer, dist_peer, echo, []),
    link(P1),
    P1 ! stop,
    receive {'EXIT', P1, R1} -> io:format("returned: EXIT ~w~n", [R1]) after 2000 -> io:format("no EXIT~n") end,
    P2 = spawn(Peer, dist_peer, echo, []),
    link(P2),
    P2 ! {exit, normal},
    receive {'EXIT', P2, R2} -> io:format("exit(normal): EXIT ~w~n", [R2]) after 2000 -> io:format("no EXIT~n") end,
    P3 = spawn(Peer, dist_peer, echo, []),
    L = spawn(fun() ->
                      link(P3),
                      P3 ! stop,
                      receive ping -> Self ! {pong, self()} end,
                      receive stop -> ok end
              end),
    Ref = monitor(process, L),
    timer:sleep(100),
    L ! ping,
    receive {pong, L} -> io:format("not trapping: alive after the normal exit~n")
    after 2000 -> io:format("no pong~n")
    end,
    L ! stop,
    receive {'DOWN', Ref, process, L, R3} -> io:format("then DOWN ~w~n", [R3]) end,
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.
