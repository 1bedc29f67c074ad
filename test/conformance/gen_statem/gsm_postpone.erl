-module(gsm_postpone).
-export([main/0, callback_mode/0, init/1, locked/3, open/3]).
%% Postponed events are retried, oldest first, after a state change, before newer ones.
main() ->
    {ok, P} = gen_statem:start(?MODULE, self(), []),
    gen_statem:cast(P, a), gen_statem:cast(P, b),
    io:format("~p~n", [gen_statem:call(P, unlock)]),
    gen_statem:cast(P, c),
    io:format("~p~n", [gen_statem:call(P, log)]),
    gen_statem:stop(P).
callback_mode() -> state_functions.
init(_) -> {ok, locked, []}.
locked(cast, _, _) -> {keep_state_and_data, postpone};
locked({call, From}, unlock, D) -> {next_state, open, D, {reply, From, unlocked}}.
open(cast, X, D) -> {keep_state, [X | D]};
open({call, From}, log, D) -> {keep_state_and_data, [{reply, From, lists:reverse(D)}]}.
