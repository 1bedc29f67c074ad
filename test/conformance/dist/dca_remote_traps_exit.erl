-module(dca_remote_traps_exit).
-export([main/0]).

%% A process of the peer traps exits and links to driver processes: how each of them ends reaches
%% it as {'EXIT', Pid, Reason} (a raised error as {Reason, Stack}: only its head is printed).
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Self = self(),
    W = spawn(Peer, dist_peer_a, watcher, [Self]),
    receive {watching, W} -> ok end,
    Ends = [{exit, foo}, {exit, normal}, {exit, {shutdown, [1, 2]}}, return, {error, oops},
            {throw, ball}, kill],
    lists:foreach(
      fun(End) ->
              L = spawn(fun() -> victim() end),
              W ! {link, L},
              receive {linked, L} -> ok end,
              case End of
                  kill -> exit(L, kill);
                  _ -> L ! End
              end,
              receive
                  {trapped, {'EXIT', L, R}} -> io:format("~w: ~w~n", [End, head(End, R)])
              after 2000 -> io:format("~w: nothing~n", [End])
              end
      end,
      Ends),
    %% A link to a driver process that is dead: `noproc`.
    {D, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, D, _} -> ok end,
    W ! {link, D},
    receive {linked, D} -> ok end,
    receive {trapped, {'EXIT', D, R}} -> io:format("dead: ~w~n", [R]) after 2000 -> io:format("dead: nothing~n") end,
    W ! stop.

victim() ->
    receive
        {exit, R} -> exit(R);
        return -> done;
        {error, R} -> error(R);
        {throw, V} -> throw(V)
    end.

head({error, _}, {Reason, Stack}) when is_list(Stack) -> {Reason, stack};
head({throw, _}, {Reason, Stack}) when is_list(Stack) -> {Reason, stack};
head(_, R) -> R.
