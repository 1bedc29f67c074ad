-module(gsm_stop_and_reply).
-export([main/0, callback_mode/0, init/1, handle_event/4, terminate/3]).
%% stop_and_reply: the replies go out before terminate runs, then the machine exits (sorted:
%% the other caller's forward races the EXIT).
main() ->
    process_flag(trap_exit, true),
    {ok, P} = gen_statem:start_link(?MODULE, self(), []),
    Self = self(),
    spawn(fun() -> Self ! {other, gen_statem:call(P, wait)} end),
    timer:sleep(20),
    io:format("~p~n", [gen_statem:call(P, stop)]),
    io:format("~p~n", [lists:sort(flush())]).
flush() -> receive M -> [M | flush()] after 100 -> [] end.
callback_mode() -> handle_event_function.
init(Parent) -> {ok, s, {Parent, []}}.
handle_event({call, From}, wait, _, {Parent, Fs}) -> {keep_state, {Parent, [From | Fs]}};
handle_event({call, From}, stop, _, {_, Fs} = D) ->
    {stop_and_reply, {shutdown, done}, [{reply, F, bye} || F <- [From | Fs]], D}.
terminate(Reason, State, {Parent, _}) -> Parent ! {terminate, Reason, State}.
