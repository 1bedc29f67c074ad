-module(dca_exit_from_remote).
-export([main/0]).

%% exit/2 from a process of the peer to driver processes: `normal` is ignored by one that does not
%% trap exits, another reason kills it, `kill` kills it as `killed`; one that traps gets an EXIT
%% message from the peer's pid.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Self = self(),
    lists:foreach(
      fun(Reason) ->
              {L, Ref} = spawn_monitor(fun() -> receive ping -> Self ! {pong, self()} end end),
              io:format("rpc exit(L, ~w): ~w~n", [Reason, rpc:call(Peer, erlang, exit, [L, Reason])]),
              receive
                  {'DOWN', Ref, process, L, R} -> io:format("  DOWN ~w~n", [R])
              after 100 ->
                      L ! ping,
                      receive {pong, L} -> io:format("  alive~n") end
              end
      end,
      [normal, foo, kill, {shutdown, x}]),
    process_flag(trap_exit, true),
    lists:foreach(
      fun(Reason) ->
              io:format("trapping, rpc exit(self(), ~w): ~w~n", [Reason, rpc:call(Peer, erlang, exit, [Self, Reason])]),
              receive
                  {'EXIT', From, R} -> io:format("  EXIT from the peer ~w: ~w~n", [node(From) =:= Peer, R])
              after 2000 -> io:format("  no EXIT~n")
              end
      end,
      [normal, foo, {a, b}]),
    process_flag(trap_exit, false).
