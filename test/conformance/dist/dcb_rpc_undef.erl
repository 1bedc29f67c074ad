-module(dcb_rpc_undef).
-export([main/0]).

show(What, {badrpc, {'EXIT', {Reason, [Top | _]}}}) ->
    io:format("~w: badrpc EXIT ~w at ~w~n", [What, Reason, Top]);
show(What, Other) ->
    io:format("~w: ~w~n", [What, Other]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    show(no_function, rpc:call(Peer, dist_peer, no_such_fun, [1])),
    show(wrong_arity, rpc:call(Peer, dist_peer, sum, [])),
    show(no_module, rpc:call(Peer, no_such_module_here, f, [a, "b"])),
    show(no_bif, rpc:call(Peer, erlang, no_such_bif, [])),
    show(not_exported, rpc:call(Peer, dist_peer, named_echo, [])),
    show(erpc_no_function,
         try erpc:call(Peer, dist_peer, no_such_fun, [1])
         catch C:{exception, R, [Top | _]} -> {C, exception, R, Top}
         end),
    show(spawn_undef, begin
                          {P, Ref} = spawn_monitor(Peer, dist_peer, no_such_fun, [x]),
                          receive
                              {'DOWN', Ref, process, P, {R2, [Top2 | _]}} -> {down, R2, Top2};
                              {'DOWN', Ref, process, P, R2} -> {down, R2}
                          end
                      end).
