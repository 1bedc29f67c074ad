%% swap_handler: the old handler's terminate(Args1, State) result reaches the new one's
%% init({Args2, Result}); swapping a handler that is not there gives init({Args2, error}).
-module(ge_swap).
-export([main/0, init/1, handle_event/2, handle_call/2, terminate/2]).

init({Args, error}) -> io:format("init from nothing ~p~n", [Args]), {error, nope};
init({Args, {transfer, N}}) -> io:format("init ~p with ~p~n", [Args, N]), {ok, N + 100};
init(N) -> {ok, N}.
handle_event(bump, N) -> {ok, N + 1};
handle_event({swap, To}, N) -> {swap_handler, by_event, N, To, event_args}.
handle_call(get, N) -> {ok, N, N}.
terminate(Arg, N) -> io:format("terminate ~p ~p~n", [Arg, N]), {transfer, N}.

main() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:add_handler(M, {?MODULE, a}, 1),
    ok = gen_event:sync_notify(M, bump),
    io:format("~p~n", [gen_event:swap_handler(M, {{?MODULE, a}, to_b}, {{?MODULE, b}, from_a})]),
    io:format("~p~n", [gen_event:which_handlers(M)]),
    io:format("~p~n", [gen_event:call(M, {?MODULE, b}, get)]),
    io:format("~p~n", [gen_event:swap_handler(M, {{?MODULE, zz}, x}, {{?MODULE, c}, y})]),
    ok = gen_event:sync_notify(M, {swap, {?MODULE, d}}),
    io:format("~p~n", [gen_event:which_handlers(M)]),
    io:format("~p~n", [gen_event:call(M, {?MODULE, d}, get)]),
    ok = gen_event:stop(M).
