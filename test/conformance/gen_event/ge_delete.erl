%% delete_handler returns what terminate(Args, State) returns, {error, module_not_found} for a
%% handler that is not installed, and {'EXIT', ...} when terminate crashes.
-module(ge_delete).
-export([main/0, init/1, handle_event/2, handle_call/2, terminate/2]).

init(S) -> {ok, S}.
handle_event(_E, S) -> {ok, S}.
handle_call(_Q, S) -> {ok, S, S}.
terminate(crash, _S) -> erlang:error(terminate_failed);
terminate(throw, _S) -> throw(thrown);
terminate(Args, S) -> {terminated, Args, S}.

main() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:add_handler(M, ?MODULE, plain),
    ok = gen_event:add_handler(M, {?MODULE, 1}, one),
    ok = gen_event:add_handler(M, {?MODULE, 2}, two),
    ok = gen_event:add_handler(M, {?MODULE, 3}, three),
    io:format("~p~n", [gen_event:delete_handler(M, {?MODULE, 9}, x)]),
    io:format("~p~n", [gen_event:delete_handler(M, nosuchmodule, x)]),
    io:format("~p~n", [gen_event:delete_handler(M, {?MODULE, 1}, args)]),
    io:format("~p~n", [gen_event:delete_handler(M, ?MODULE, args)]),
    {'EXIT', {Why, _}} = gen_event:delete_handler(M, {?MODULE, 2}, crash),
    io:format("EXIT ~p~n", [Why]),
    io:format("~p~n", [gen_event:delete_handler(M, {?MODULE, 3}, throw)]),
    io:format("~p~n", [gen_event:which_handlers(M)]),
    ok = gen_event:stop(M).
