-module(dca_monitor_remote).
-export([main/0]).

%% monitor/2 of a pid of the peer: the DOWN names the pid and carries its exit reason.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    lists:foreach(
      fun(End) ->
              P = spawn(Peer, dist_peer, echo, []),
              Ref = monitor(process, P),
              case End of
                  stop -> P ! stop;
                  {exit2, R} -> exit(P, R);
                  R -> P ! {exit, R}
              end,
              receive
                  {'DOWN', Ref, process, Object, Info} ->
                      io:format("~w: DOWN ~w ~w~n", [End, Object =:= P, Info])
              after 2000 -> io:format("~w: no DOWN~n", [End])
              end
      end,
      [stop, normal, foo, {shutdown, x}, kill, {exit2, kill}, {exit2, bar}, {1, [2], <<3>>}]),
    P = spawn(Peer, dist_peer, echo, []),
    R1 = monitor(process, P),
    R2 = monitor(process, P),
    io:format("two monitors, two refs: ~w~n", [R1 =/= R2]),
    P ! stop,
    receive {'DOWN', R2, process, P, I2} -> io:format("second DOWN ~w~n", [I2]) after 2000 -> io:format("no DOWN~n") end,
    receive {'DOWN', R1, process, P, I1} -> io:format("first DOWN ~w~n", [I1]) after 2000 -> io:format("no DOWN~n") end.
