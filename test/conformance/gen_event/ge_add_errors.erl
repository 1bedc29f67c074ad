%% add_handler returns what init returns when it is not {ok, State}: {error, R}, a thrown
%% value, junk, {'EXIT', R} for a crash, {'EXIT', {undef, ...}} for a module that is not there.
-module(ge_add_errors).
-export([main/0, init/1, handle_event/2, handle_call/2]).

init(error) -> {error, refused};
init(throw) -> throw(thrown);
init(junk) -> {some, junk};
init(crash) -> erlang:error(init_crashed);
init(exit) -> exit(init_exited);
init(S) -> {ok, S}.
handle_event(_E, S) -> {ok, S}.
handle_call(_Q, S) -> {ok, S, S}.

main() ->
    {ok, M} = gen_event:start(),
    io:format("~p~n", [gen_event:add_handler(M, ?MODULE, error)]),
    io:format("~p~n", [gen_event:add_handler(M, ?MODULE, throw)]),
    io:format("~p~n", [gen_event:add_handler(M, ?MODULE, junk)]),
    {'EXIT', {Why, _}} = gen_event:add_handler(M, ?MODULE, crash),
    io:format("EXIT ~p~n", [Why]),
    io:format("~p~n", [gen_event:add_handler(M, ?MODULE, exit)]),
    {'EXIT', {undef, [Top | _]}} = gen_event:add_handler(M, ge_no_such_module, args),
    io:format("undef ~p~n", [Top]),
    io:format("~p~n", [gen_event:which_handlers(M)]),
    io:format("~p~n", [gen_event:add_handler(M, {?MODULE, 1}, fine)]),
    io:format("~p~n", [length(gen_event:which_handlers(M))]),
    try gen_event:add_handler(ge_no_such_manager, ?MODULE, x)
    catch exit:Reason -> io:format("exit ~p~n", [Reason])
    end,
    ok = gen_event:stop(M).
