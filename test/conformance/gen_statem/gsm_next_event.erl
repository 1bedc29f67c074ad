-module(gsm_next_event).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% Inserted events run before queued ones, in the order of the actions.
main() ->
    {ok, P} = gen_statem:start(?MODULE, [], []),
    gen_statem:cast(P, go), gen_statem:cast(P, later),
    io:format("~p~n", [gen_statem:call(P, log)]),
    gen_statem:stop(P).
callback_mode() -> handle_event_function.
init(_) -> {ok, s, []}.
handle_event(cast, go, _, D) ->
    {keep_state, [go | D], [{next_event, internal, one}, {next_event, info, two}]};
handle_event({call, From}, log, _, D) -> {keep_state_and_data, {reply, From, lists:reverse(D)}};
handle_event(T, X, _, D) -> {keep_state, [{T, X} | D]}.
