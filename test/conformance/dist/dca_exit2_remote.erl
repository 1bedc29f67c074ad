-module(dca_exit2_remote).
-export([main/0]).

%% exit/2 to a process of the peer that does not trap exits: `normal` is ignored, another reason
%% kills it with that reason, `kill` kills it with `killed`.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    P = spawn(Peer, dist_peer, echo, []),
    Ref = monitor(process, P),
    io:format("exit(P, normal): ~w~n", [exit(P, normal)]),
    P ! {self(), still_there},
    receive {P, M} -> io:format("echo after normal: ~w~n", [M]) after 2000 -> io:format("no echo~n") end,
    io:format("exit(P, foo): ~w~n", [exit(P, foo)]),
    receive {'DOWN', Ref, process, P, R1} -> io:format("DOWN ~w~n", [R1]) after 2000 -> io:format("no DOWN~n") end,
    lists:foreach(
      fun(Reason) ->
              Q = spawn(Peer, dist_peer, echo, []),
              QRef = monitor(process, Q),
              exit(Q, Reason),
              receive {'DOWN', QRef, process, Q, R} -> io:format("exit(Q, ~w): DOWN ~w~n", [Reason, R])
              after 2000 -> io:format("no DOWN~n")
              end
      end,
      [kill, {shutdown, x}, [deep, {list}], killed]),
    io:format("exit to a dead pid: ~w~n", [exit(P, foo)]).
