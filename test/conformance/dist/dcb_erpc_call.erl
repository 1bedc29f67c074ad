-module(dcb_erpc_call).
-export([main/0]).

try_call(What, Fun) ->
    R = try Fun() of
            V -> {value, V}
        catch
            error:{exception, Reason, [{M, F, A, _} | _]} -> {error, exception, Reason, {M, F, A}};
            Class:Reason -> {Class, Reason}
        end,
    io:format("~w: ~w~n", [What, R]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    try_call(ok, fun() -> erpc:call(Peer, lists, sum, [[1, 2, 3]]) end),
    try_call(ok_timeout, fun() -> erpc:call(Peer, erlang, node, [], 2000) end),
    try_call(gen_server, fun() -> erpc:call(Peer, gen_server, call, [dist_peer_srv, {echo, e}]) end),
    try_call(error, fun() -> erpc:call(Peer, dist_peer, crash, [error]) end),
    try_call(throw, fun() -> erpc:call(Peer, dist_peer, crash, [throw]) end),
    try_call(exit, fun() -> erpc:call(Peer, dist_peer, crash, [exit]) end),
    try_call(exit_normal, fun() -> erpc:call(Peer, dist_peer, exit_with, [normal]) end),
    try_call(exit_tuple, fun() -> erpc:call(Peer, dist_peer, exit_with, [{a, [b]}]) end),
    try_call(badarith, fun() -> erpc:call(Peer, erlang, '/', [1, 0]) end),
    try_call(badarg, fun() -> erpc:call(Peer, erlang, binary_to_atom, [42]) end),
    try_call(undef, fun() -> erpc:call(Peer, dist_peer, nope, []) end),
    try_call(signal, fun() -> erpc:call(Peer, dist_peer_b, kill_self, []) end),
    try_call(bad_module, fun() -> erpc:call(Peer, "lists", sum, [[]]) end),
    try_call(bad_args, fun() -> erpc:call(Peer, lists, sum, not_a_list) end),
    try_call(error_timeout, fun() -> erpc:call(Peer, dist_peer, crash, [error], 2000) end),
    try_call(throw_timeout, fun() -> erpc:call(Peer, dist_peer, crash, [throw], 2000) end).
