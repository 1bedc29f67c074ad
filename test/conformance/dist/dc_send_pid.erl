-module(dc_send_pid).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    P = spawn(Peer, dist_peer, echo, []),
    io:format("node of the pid: ~w~n", [node(P) =:= Peer]),
    io:format("is_pid: ~w~n", [is_pid(P)]),
    Terms = [ok, 42, -1, 1 bsl 70, 3.5, 1.0, "abc", <<"bin">>, {a, [b, c], #{k => v}},
             'héllo', [], {}, self(), make_ref()],
    lists:foreach(
      fun(T) ->
              P ! {self(), T},
              receive {P, Got} -> io:format("~w ~w~n", [Got =:= T, Got]) end
      end,
      Terms),
    P ! stop,
    io:format("done~n").
