%% More of the peer node's side of the dist conformance suite, for the dcb_ scenarios (rpc, erpc,
%% remote spawn, gen_server across nodes, global names, terms): functions they call there, and a
%% gen_server they start and stop there themselves. Nothing here runs unless a scenario asks.
-module(dist_peer_b).
-behaviour(gen_server).
-export([kill_self/0, id/1, after_reply/3, call_back/4]).
-export([init/1, handle_call/3, handle_cast/2]).

%% Kills the calling process with an untrappable exit signal (the caller sees `killed`).
kill_self() -> exit(self(), kill).

id(X) -> X.

%% Sends `Msg` to `To` after `Ms` milliseconds and returns `Value` at once.
after_reply(Ms, To, {Msg, Value}) ->
    erlang:send_after(Ms, To, Msg),
    Value.

%% Calls `M:F(A...)` on `Node` (the driver) from the peer, by rpc, and says how it went.
call_back(Node, M, F, A) -> {from_peer, rpc:call(Node, M, F, A)}.

%% dcb_srv: a gen_server the scenarios start on the peer as they need it (unregistered or
%% registered under a name of theirs) and stop before they end.
init(Arg) -> {ok, Arg}.

handle_call(state, _From, S) -> {reply, S, S};
handle_call({stop, Reason}, _From, S) -> {stop, Reason, S};
handle_call({stop, Reason, Reply}, _From, S) -> {stop, Reason, Reply, S};
handle_call({crash, Reason}, _From, _S) -> error(Reason).

handle_cast({stop, Reason}, S) -> {stop, Reason, S}.
