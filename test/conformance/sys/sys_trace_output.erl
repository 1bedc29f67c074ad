%% sys:trace/2 on a gen_server: the *DBG* lines for a call, a cast, a plain
%% message and the new states; sys:statistics/2 counts; {debug, [trace]} as a
%% start option; sys:no_debug/1 turns it all off.
-module(sys_trace_output).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2]).

main() ->
    {ok, P} = gen_server:start({local, sto_name}, ?MODULE, 0, []),
    ok = sys:trace(sto_name, true),
    1 = gen_server:call(sto_name, add),
    gen_server:cast(sto_name, add),
    sto_name ! add,
    _ = sys:get_state(sto_name),
    ok = sys:trace(sto_name, false),
    ok = sys:statistics(P, true),
    gen_server:call(P, add),
    gen_server:cast(P, add),
    _ = sys:get_state(P),
    {ok, Stats} = sys:statistics(P, get),
    p([{K, proplists:get_value(K, Stats)} || K <- [messages_in, messages_out]]),
    p(sys:statistics(P, false)),
    p(sys:statistics(P, get)),
    {ok, P2} = gen_server:start(?MODULE, 10, [{debug, [trace]}]),
    gen_server:cast(P2, add),
    _ = sys:get_state(P2),
    ok = sys:no_debug(P2),
    gen_server:cast(P2, add),
    p(sys:get_state(P2)),
    ok = gen_server:stop(P),
    ok = gen_server:stop(P2).

p(X) -> io:format("~p~n", [X]).

init(N) -> {ok, N}.
handle_call(add, _From, N) -> {reply, N + 1, N + 1}.
handle_cast(add, N) -> {noreply, N + 1}.
handle_info(add, N) -> {noreply, N + 1}.
