-module(dcb_rpc_raise).
-export([main/0]).

%% An error's stack is shown as its top frame's {M, F, Arity or Args}: the rest is OTP's.
show(What, {badrpc, {'EXIT', {Reason, [{M, F, A, _} | _]}}}) ->
    io:format("~w: badrpc EXIT ~w at ~w~n", [What, Reason, {M, F, A}]);
show(What, Other) ->
    io:format("~w: ~w~n", [What, Other]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    show(error, rpc:call(Peer, dist_peer, crash, [error])),
    show(throw, rpc:call(Peer, dist_peer, crash, [throw])),
    show(exit, rpc:call(Peer, dist_peer, crash, [exit])),
    show(exit_with, rpc:call(Peer, dist_peer, exit_with, [{shutdown, why}])),
    show(exit_normal, rpc:call(Peer, erlang, exit, [normal])),
    show(badarith, rpc:call(Peer, erlang, '/', [1, 0])),
    show(badarg, rpc:call(Peer, erlang, atom_to_list, [42])),
    show(function_clause, rpc:call(Peer, dist_peer, crash, [other])),
    show(throw_exit_tuple, rpc:call(Peer, erlang, throw, [{'EXIT', fake}])),
    show(throw_badrpc, rpc:call(Peer, erlang, throw, [{badrpc, fake}])),
    show(error_tuple, rpc:call(Peer, erlang, error, [{my, reason}])),
    show(killed, rpc:call(Peer, dist_peer_b, kill_self, [])),
    show(with_timeout, rpc:call(Peer, dist_peer, crash, [error], 2000)),
    show(after_all, rpc:call(Peer, erlang, node, [])).
