-module(dca_exit2_trapping).
-export([main/0]).

%% exit/2 to a process of the peer that traps exits (and is not linked): each reason, `normal`
%% included, arrives as {'EXIT', From, Reason}; only `kill` kills it, as `killed`.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Self = self(),
    T = spawn(Peer, dist_peer_a, trapper, [Self]),
    receive {trapping, T} -> ok end,
    Ref = monitor(process, T),
    lists:foreach(
      fun(Reason) ->
              exit(T, Reason),
              receive
                  {trapped, {'EXIT', From, R}} ->
                      io:format("exit(T, ~w): trapped from self ~w: ~w~n", [Reason, From =:= Self, R])
              after 2000 -> io:format("nothing trapped~n")
              end
      end,
      [normal, foo, {shutdown, x}, killed, <<"b">>]),
    exit(T, kill),
    receive {'DOWN', Ref, process, T, R2} -> io:format("exit(T, kill): DOWN ~w~n", [R2]) after 2000 -> io:format("no DOWN~n") end,
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.
