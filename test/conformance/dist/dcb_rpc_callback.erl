-module(dcb_rpc_callback).
-export([main/0, double/1, fail/1, toss/1, quit/1, whoami/0, notify/1]).

%% What the peer calls back on this node (the driver).
double(X) -> 2 * X.
fail(Reason) -> error(Reason).
toss(Ball) -> throw(Ball).
quit(Reason) -> exit(Reason).
whoami() -> node().
notify(To) -> To ! {notified, node(), self() =/= To}.

%% The peer's view of a call back: rpc's result, an error shown by its reason only.
show(What, {from_peer, {badrpc, {'EXIT', {Reason, [_ | _]}}}}) ->
    io:format("~w: badrpc EXIT ~w~n", [What, Reason]);
show(What, Other) ->
    io:format("~w: ~w~n", [What, Other]).

back(Peer, F, A) ->
    rpc:call(Peer, dist_peer_b, call_back, [node(), ?MODULE, F, A]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    show(double, back(Peer, double, [21])),
    show(whoami, back(Peer, whoami, [])),
    show(big, back(Peer, double, [1 bsl 80])),
    show(fail, back(Peer, fail, [oops])),
    show(toss, back(Peer, toss, [ball])),
    show(quit, back(Peer, quit, [bye])),
    show(no_function, back(Peer, nope, [])),
    show(no_module, rpc:call(Peer, dist_peer_b, call_back, [node(), no_such_module_here, f, []])),
    show(erpc, rpc:call(Peer, erpc, call, [node(), ?MODULE, double, [5]])),
    show(erpc_throw,
         rpc:call(Peer, erlang, apply, [erpc, call, [node(), ?MODULE, toss, [high]]])),
    Self = self(),
    Spawned = rpc:call(Peer, erlang, spawn, [node(), ?MODULE, notify, [Self]]),
    io:format("spawned here: ~w ~w~n", [is_pid(Spawned), node(Spawned) =:= node()]),
    receive
        {notified, N, Other} -> io:format("notified: ~w ~w~n", [N, Other])
    after 2000 -> io:format("not notified~n")
    end.
