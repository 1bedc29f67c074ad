-module(gsm_init_actions).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% Actions returned by init/1: an inserted event is handled before any message, a zero event
%% timeout is cancelled by it, a zero state timeout is not.
main() ->
    {ok, P} = gen_statem:start(?MODULE, [], []),
    gen_statem:cast(P, later),
    timer:sleep(20),
    io:format("~p~n", [gen_statem:call(P, log)]),
    gen_statem:stop(P).
callback_mode() -> handle_event_function.
init(_) ->
    {ok, s, [], [{next_event, internal, go}, {timeout, 0, zt}, {state_timeout, 0, st}]}.
handle_event({call, From}, log, _, D) -> {keep_state_and_data, {reply, From, lists:reverse(D)}};
handle_event(T, X, _, D) -> {keep_state, [{T, X} | D]}.
