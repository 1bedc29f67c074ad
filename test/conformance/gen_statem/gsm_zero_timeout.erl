-module(gsm_zero_timeout).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% Timeouts of 0: delivered after queued and inserted events, in the order they were set; an
%% event timeout of 0 is cancelled by an inserted event, a state timeout of 0 is not.
main() ->
    {ok, P} = gen_statem:start(?MODULE, [], []),
    gen_statem:cast(P, go),
    timer:sleep(20),
    io:format("~p~n", [gen_statem:call(P, log)]),
    gen_statem:stop(P).
callback_mode() -> handle_event_function.
init(_) -> {ok, s, []}.
handle_event(cast, go, _, D) ->
    {keep_state, [go | D],
     [{state_timeout, 0, st}, {{timeout, g}, 0, gt}, {timeout, 0, et},
      {next_event, internal, ins}]};
handle_event({call, From}, log, _, D) -> {keep_state_and_data, {reply, From, lists:reverse(D)}};
handle_event(T, X, _, D) -> {keep_state, [{T, X} | D]}.
