%% add_sup_handler: the installing process gets {gen_event_EXIT, Handler, Reason} when the
%% handler goes: normal on delete, {'EXIT', ...} on a crash, {swapped, New, Pid} on a swap,
%% shutdown when the manager stops.
-module(ge_sup).
-export([main/0, init/1, handle_event/2, handle_call/2, terminate/2]).

init({_Args, {old, S}}) -> {ok, S};
init(S) -> {ok, S}.
handle_event(crash, _S) -> erlang:error(boom);
handle_event(_E, S) -> {ok, S}.
handle_call(_Q, S) -> {ok, S, S}.
terminate(swap, S) -> {old, S};
terminate(_Arg, _S) -> ok.

next() ->
    receive
        {gen_event_EXIT, H, {'EXIT', {Why, Stack}}} when is_list(Stack) ->
            io:format("gen_event_EXIT ~w EXIT ~w~n", [H, Why]);
        {gen_event_EXIT, H, Reason} ->
            io:format("gen_event_EXIT ~w ~w~n", [H, Reason])
    after 1000 -> io:format("nothing~n")
    end.

main() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:add_sup_handler(M, {?MODULE, 1}, s1),
    io:format("~p~n", [gen_event:delete_handler(M, {?MODULE, 1}, bye)]),
    next(),
    ok = gen_event:add_sup_handler(M, {?MODULE, 2}, s2),
    ok = gen_event:notify(M, crash),
    next(),
    ok = gen_event:add_sup_handler(M, {?MODULE, 3}, s3),
    io:format("~p~n", [gen_event:swap_handler(M, {{?MODULE, 3}, swap}, {{?MODULE, 4}, x})]),
    next(),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 4}, state)]),
    ok = gen_event:stop(M),
    next(),
    next().
