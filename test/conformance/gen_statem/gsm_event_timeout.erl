-module(gsm_event_timeout).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% An event timeout is cancelled by any event; one with no event after it fires.
main() ->
    {ok, P} = gen_statem:start(?MODULE, [], []),
    gen_statem:cast(P, {arm, 30}), gen_statem:cast(P, ping),
    timer:sleep(60),
    gen_statem:cast(P, {arm, 20}),
    timer:sleep(60),
    io:format("~p~n", [gen_statem:call(P, log)]),
    gen_statem:stop(P).
callback_mode() -> handle_event_function.
init(_) -> {ok, s, []}.
handle_event(cast, {arm, T}, _, D) -> {keep_state, [arm | D], T};
handle_event({call, From}, log, _, D) -> {keep_state_and_data, {reply, From, lists:reverse(D)}};
handle_event(T, X, _, D) -> {keep_state, [{T, X} | D]}.
