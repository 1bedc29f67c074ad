-module(gsm_generic_timeout).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% Generic timeouts survive events and state changes; cancel and update act on them by name.
main() ->
    {ok, P} = gen_statem:start(?MODULE, [], []),
    gen_statem:cast(P, {arm, a, 20}), gen_statem:cast(P, {arm, b, 30}),
    gen_statem:cast(P, {arm, c, 40}),
    gen_statem:cast(P, {goto, other}), gen_statem:cast(P, {cancel, b}),
    gen_statem:cast(P, {update, c}),
    timer:sleep(80),
    gen_statem:cast(P, {update, d}),
    timer:sleep(20),
    io:format("~p~n", [gen_statem:call(P, log)]),
    gen_statem:stop(P).
callback_mode() -> handle_event_function.
init(_) -> {ok, s, []}.
handle_event(cast, {arm, N, T}, _, D) -> {keep_state, D, {{timeout, N}, T, {msg, N}}};
handle_event(cast, {cancel, N}, _, D) -> {keep_state, D, {{timeout, N}, cancel}};
handle_event(cast, {update, N}, _, D) -> {keep_state, D, {{timeout, N}, update, {updated, N}}};
handle_event(cast, {goto, S}, _, D) -> {next_state, S, D};
handle_event({call, From}, log, S, D) -> {keep_state_and_data, {reply, From, {S, lists:reverse(D)}}};
handle_event(T, X, _, D) -> {keep_state, [{T, X} | D]}.
