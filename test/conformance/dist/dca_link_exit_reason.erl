-module(dca_link_exit_reason).
-export([main/0]).

%% A link to a process of the peer: its exit reason reaches a trapping driver process as an
%% EXIT message, and kills a driver process that does not trap exits with the same reason.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    process_flag(trap_exit, true),
    lists:foreach(
      fun(Reason) ->
              P = spawn(Peer, dist_peer, echo, []),
              Linked = link(P),
              P ! {exit, Reason},
              receive
                  {'EXIT', P, R} -> io:format("link ~w, EXIT ~w~n", [Linked, R])
              after 2000 -> io:format("no EXIT~n")
              end
      end,
      [foo, {shutdown, tired}, [1, 2, 3], <<"bin">>, 42, {a, 1.5, "str"}, {1.0, self(), make_ref()}]),
    Q = spawn(Peer, dist_peer, echo, []),
    link(Q),
    Big = binary:copy(<<"0123456789">>, 20000),
    Q ! {exit, {big, Big}},
    receive
        {'EXIT', Q, {big, B}} -> io:format("a 200 kB reason: ~w ~w~n", [byte_size(B), B =:= Big])
    after 2000 -> io:format("no EXIT~n")
    end,
    P = spawn(Peer, dist_peer, echo, []),
    {L, Ref} = spawn_monitor(fun() -> link(P), P ! {exit, bye}, receive never -> ok end end),
    receive
        {'DOWN', Ref, process, L, R} -> io:format("not trapping: DOWN ~w~n", [R])
    after 2000 -> io:format("no DOWN~n")
    end,
    io:format("trap_exit was ~w~n", [process_flag(trap_exit, false)]).
