%% gen_event:call: the handler's reply, {error, bad_module}, {remove_handler, Reply}, a swap
%% from handle_call, and the exit reason of a call to a manager that is gone.
-module(ge_call).
-export([main/0, init/1, handle_event/2, handle_call/2, terminate/2]).

init({swapped, {from, S}}) -> {ok, {swapped, S}};
init(S) -> {ok, S}.
handle_event(_E, S) -> {ok, S}.
handle_call(get, S) -> {ok, S, S};
handle_call({set, N}, S) -> {ok, {old, S}, N};
handle_call(remove, S) -> {remove_handler, {bye, S}};
handle_call(swap, S) -> {swap_handler, swapping, from, S, {?MODULE, 2}, swapped}.
terminate(from, S) -> {from, S};
terminate(Arg, S) -> io:format("terminate ~p ~p~n", [Arg, S]), ok.

main() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:add_handler(M, {?MODULE, 1}, a),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 1}, get)]),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 1}, {set, b}, 1000)]),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 1}, get, infinity)]),
    io:format("~p~n", [gen_event:call(M, ?MODULE, get)]),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 9}, get)]),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 1}, swap)]),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 2}, get)]),
    io:format("~p~n", [gen_event:call(M, {?MODULE, 2}, remove)]),
    io:format("~p~n", [length(gen_event:which_handlers(M))]),
    ok = gen_event:stop(M),
    try gen_event:call(M, {?MODULE, 1}, get) of
        R -> io:format("returned ~p~n", [R])
    catch
        exit:{Reason, {gen_event, call, [M, _, get]}} -> io:format("exit ~p~n", [Reason])
    end.
