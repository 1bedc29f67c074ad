%% gen_server:enter_loop/3,4,5 from a process started by proc_lib: a server
%% that works, a name the process does not hold, a process not started by
%% proc_lib, and a timeout given to enter_loop.
-module(gs_enter_loop).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2, start_it/1]).

main() ->
    process_flag(trap_exit, true),
    {ok, P1} = proc_lib:start_link(?MODULE, start_it, [named]),
    p(gen_server:call(gel_name, get)),
    p(gen_server:call(P1, get)),
    {ok, P2} = proc_lib:start_link(?MODULE, start_it, [unnamed]),
    p(receive {'EXIT', P2, R2} -> R2 after 100 -> none end),
    P3 = spawn_link(fun() -> gen_server:enter_loop(?MODULE, [], st) end),
    p(receive {'EXIT', P3, R3} -> R3 after 100 -> none end),
    {ok, P4} = proc_lib:start_link(?MODULE, start_it, [timeout]),
    timer:sleep(50),
    p(gen_server:call(P4, get)),
    ok = gen_server:stop(P1),
    ok = gen_server:stop(P4).

p(X) -> io:format("~p~n", [X]).

start_it(named) ->
    register(gel_name, self()),
    proc_lib:init_ack({ok, self()}),
    gen_server:enter_loop(?MODULE, [], named_state, {local, gel_name});
start_it(unnamed) ->
    proc_lib:init_ack({ok, self()}),
    gen_server:enter_loop(?MODULE, [], st, {local, gel_other});
start_it(timeout) ->
    proc_lib:init_ack({ok, self()}),
    gen_server:enter_loop(?MODULE, [], waiting, 10).

init(_) -> {ok, unused}.
handle_call(get, _From, S) -> {reply, S, S}.
handle_cast(_, S) -> {noreply, S}.
handle_info(timeout, waiting) -> {noreply, timed_out}.
