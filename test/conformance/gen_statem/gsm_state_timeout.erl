-module(gsm_state_timeout).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% A state timeout is cancelled by a state change, not by events; one left alone fires.
main() ->
    {ok, P} = gen_statem:start(?MODULE, self(), []),
    gen_statem:cast(P, {arm, 30}), gen_statem:cast(P, ping),
    gen_statem:cast(P, {goto, b}),
    timer:sleep(60),
    gen_statem:cast(P, {arm, 20}), gen_statem:cast(P, ping),
    timer:sleep(60),
    io:format("~p~n", [gen_statem:call(P, log)]),
    gen_statem:stop(P).
callback_mode() -> handle_event_function.
init(_) -> {ok, a, []}.
handle_event(cast, {arm, T}, _, D) -> {keep_state, [arm | D], {state_timeout, T, fired}};
handle_event(cast, {goto, S}, _, D) -> {next_state, S, [{goto, S} | D]};
handle_event({call, From}, log, S, D) -> {keep_state_and_data, {reply, From, {S, lists:reverse(D)}}};
handle_event(T, X, _, D) -> {keep_state, [{T, X} | D]}.
