%% A handler that crashes or returns junk is removed (terminate gets {error, Why}); the other
%% handlers go on receiving events.
-module(ge_crash).
-export([main/0, init/1, handle_event/2, handle_call/2, terminate/2]).

init(Tag) -> {ok, Tag}.
handle_event(crash, crasher) -> erlang:error(boom);
handle_event(crash, Tag) -> io:format("~p saw crash~n", [Tag]), {ok, Tag};
handle_event(junk, junker) -> {what, is, this};
handle_event(junk, Tag) -> io:format("~p saw junk~n", [Tag]), {ok, Tag};
handle_event(throw, thrower) -> throw({ok, thrown_state});
handle_event(E, Tag) -> io:format("~p got ~p~n", [Tag, E]), {ok, Tag}.
handle_call(_Q, Tag) -> {ok, Tag, Tag}.
terminate({error, {'EXIT', {Reason, Stack}}}, Tag) when is_list(Stack) ->
    io:format("~p terminate error EXIT ~p~n", [Tag, Reason]);
terminate(Arg, Tag) ->
    io:format("~p terminate ~p~n", [Tag, Arg]).

main() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:add_handler(M, {?MODULE, 1}, steady),
    ok = gen_event:add_handler(M, {?MODULE, 2}, crasher),
    ok = gen_event:add_handler(M, {?MODULE, 3}, junker),
    ok = gen_event:add_handler(M, {?MODULE, 4}, thrower),
    ok = gen_event:sync_notify(M, crash),
    io:format("~p~n", [[Id || {_, Id} <- gen_event:which_handlers(M)]]),
    ok = gen_event:sync_notify(M, junk),
    io:format("~p~n", [[Id || {_, Id} <- gen_event:which_handlers(M)]]),
    ok = gen_event:sync_notify(M, throw),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 4}, state)]),
    ok = gen_event:notify(M, hello),
    io:format("~p~n", [[Id || {_, Id} <- gen_event:which_handlers(M)]]),
    ok = gen_event:stop(M).
