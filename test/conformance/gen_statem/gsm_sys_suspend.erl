-module(gsm_sys_suspend).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% A suspended machine answers system messages only; its events wait until it is resumed.
main() ->
    {ok, P} = gen_statem:start(?MODULE, [], []),
    ok = sys:suspend(P),
    gen_statem:cast(P, one),
    Self = self(),
    spawn(fun() -> Self ! {call, gen_statem:call(P, log)} end),
    timer:sleep(30),
    io:format("~p~n", [sys:get_state(P)]),
    io:format("~p~n", [receive M -> M after 0 -> nothing end]),
    ok = sys:resume(P),
    io:format("~p~n", [receive M2 -> M2 after 100 -> nothing end]),
    {status, P, {module, Mod}, _} = sys:get_status(P),
    io:format("~p~n", [Mod]),
    gen_statem:stop(P).
callback_mode() -> handle_event_function.
init(_) -> {ok, s, []}.
handle_event(cast, X, _, D) -> {keep_state, [X | D]};
handle_event({call, From}, log, _, D) -> {keep_state_and_data, {reply, From, D}}.
