-module(gsm_state_enter).
-export([main/0, callback_mode/0, init/1, a/3, b/3, c/3]).
%% state_enter: enter calls with the previous state, on start, on change and on repeat_state;
%% an enter call may not change the state.
main() ->
    {ok, P} = gen_statem:start(?MODULE, self(), []),
    gen_statem:cast(P, go), gen_statem:cast(P, again),
    io:format("~p~n", [gen_statem:call(P, log)]),
    M = monitor(process, P),
    gen_statem:cast(P, bad),
    receive {'DOWN', M, process, P, {Reason, _Stack}} -> io:format("~p~n", [Reason]) end.
callback_mode() -> [state_functions, state_enter].
init(_) -> {ok, a, []}.
a(enter, Prev, D) -> {keep_state, [{enter_a, Prev} | D]};
a(cast, go, D) -> {next_state, b, [go | D]};
a({call, From}, log, D) -> {keep_state_and_data, {reply, From, lists:reverse(D)}};
a(cast, bad, D) -> {next_state, c, D}.
c(enter, _, D) -> {next_state, a, D}.
b(enter, a, D) -> {keep_state, [{enter_b, a} | D]};
b(enter, b, D) -> {keep_state, [{enter_b, b} | D], {state_timeout, 0, back}};
b(cast, again, D) -> {repeat_state, [again | D]};
b(state_timeout, back, D) -> {next_state, a, [back | D]};
b({call, From}, log, D) -> {keep_state_and_data, {reply, From, lists:reverse(D)}}.
