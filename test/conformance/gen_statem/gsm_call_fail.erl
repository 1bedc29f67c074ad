-module(gsm_call_fail).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% The exit reasons of failed calls: noproc (name, dead pid), timeout, calling_self is not
%% reachable here, and a machine that dies during the call.
main() ->
    show(catch gen_statem:call(nobody_here, hello)),
    show(catch gen_statem:call(nobody_here, hello, 100)),
    {ok, P} = gen_statem:start(?MODULE, [], []),
    show(catch gen_statem:call(P, {sleep, 200}, 50)),
    show(catch gen_statem:call(P, {die, {shutdown, died}})),
    show(catch gen_statem:call(P, hello, {clean_timeout, 10})),
    io:format("~p~n", [flush()]).
show({'EXIT', {Reason, {gen_statem, call, [Ref, Req, T]}}}) ->
    io:format("~w ~w ~w ~w~n", [Reason, is_pid(Ref) orelse Ref, Req, T]).
flush() -> receive M -> [M | flush()] after 250 -> [] end.
callback_mode() -> handle_event_function.
init(_) -> {ok, s, []}.
handle_event({call, From}, {sleep, T}, _, _) -> timer:sleep(T), {keep_state_and_data, {reply, From, late}};
handle_event({call, _}, {die, R}, _, _) -> {stop, R}.
