-module(dca_remote_linker).
-export([main/0]).

%% A process of the peer (not trapping exits) links to a driver process: the driver process's
%% exit reason kills it, but `normal` does not, and a kill reaches it as `killed`.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Self = self(),
    lists:foreach(
      fun(End) ->
              L = spawn(fun() -> receive {exit, R} -> exit(R); return -> ok end end),
              K = spawn(Peer, dist_peer_a, link_ack, [L, Self]),
              Ref = monitor(process, K),
              receive {linked, K} -> ok end,
              case End of
                  kill -> exit(L, kill);
                  _ -> L ! End
              end,
              receive
                  {'DOWN', Ref, process, K, R} -> io:format("~w: the peer's process DOWN ~w~n", [End, R])
              after 200 ->
                      K ! stop,
                      receive {'DOWN', Ref, process, K, R} ->
                              io:format("~w: the peer's process lives, then ends ~w~n", [End, R])
                      end
              end
      end,
      [{exit, foo}, {exit, normal}, return, {exit, {shutdown, x}}, kill, {exit, kill}]).
