%% Events reach every handler in the order of which_handlers (newest first), notify and
%% sync_notify alike; stop calls every handler's terminate(stop, State).
-module(ge_notify_order).
-export([main/0, init/1, handle_event/2, handle_call/2, terminate/2]).

init(Tag) -> {ok, Tag}.
handle_event(E, Tag) -> io:format("~p got ~p~n", [Tag, E]), {ok, Tag}.
handle_call(Q, Tag) -> {ok, {Tag, Q}, Tag}.
terminate(Arg, Tag) -> io:format("~p terminate ~p~n", [Tag, Arg]), ok.

main() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:add_handler(M, {?MODULE, 1}, one),
    ok = gen_event:add_handler(M, {?MODULE, 2}, two),
    ok = gen_event:add_handler(M, {?MODULE, 3}, three),
    io:format("~p~n", [gen_event:which_handlers(M)]),
    ok = gen_event:notify(M, first),
    ok = gen_event:notify(M, second),
    ok = gen_event:sync_notify(M, third),
    io:format("sync done~n"),
    ok = gen_event:stop(M),
    io:format("alive: ~p~n", [is_process_alive(M)]).
