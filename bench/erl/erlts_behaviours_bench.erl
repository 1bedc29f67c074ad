%% The Erlang/OTP side of the behaviours family of `npm run bench` (bench/cases/behaviours.ts):
%% gen_server call round trips with one and 100 clients, cast throughput, idle gen_server memory.
-module(erlts_behaviours_bench).
-behaviour(gen_server).
-export([main/1]).
-export([init/1, handle_call/3, handle_cast/2]).
-export([start_worker/0]).


main([Case, N]) ->
    io:format("~s~n", [json(run(Case, list_to_integer(N)))]),
    halt().

json(Pairs) ->
    "{" ++ lists:join(",", [io_lib:format("\"~s\":~p", [K, V]) || {K, V} <- Pairs]) ++ "}".

init({sup, N}) ->
    {ok, {#{strategy => simple_one_for_one, intensity => 2 * N, period => 10},
          [#{id => worker, start => {?MODULE, start_worker, []}, restart => permanent}]}};
init(N) -> {ok, N}.

start_worker() -> gen_server:start_link(?MODULE, 0, []).
handle_call(get, _From, N) -> {reply, N, N}.
handle_cast(inc, N) -> {noreply, N + 1}.

start_counter() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    Pid.

call_loop(_, 0) -> ok;
call_loop(S, K) -> gen_server:call(S, get), call_loop(S, K - 1).

seconds(T0) ->
    erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond) / 1.0e6.

run("call1", N) ->
    S = start_counter(),
    call_loop(S, 1000),
    T0 = erlang:monotonic_time(),
    call_loop(S, N),
    [{"callsPerSec", N / seconds(T0)}];
run("call100", N) ->
    S = start_counter(),
    Per = N div 100,
    call_loop(S, 1000),
    Self = self(),
    T0 = erlang:monotonic_time(),
    Pids = [spawn(fun() -> call_loop(S, Per), Self ! {done, self()} end) || _ <- lists:seq(1, 100)],
    [receive {done, P} -> ok end || P <- Pids],
    [{"callsPerSec", Per * 100 / seconds(T0)}];
run("cast", N) ->
    S = start_counter(),
    call_loop(S, 1000),
    T0 = erlang:monotonic_time(),
    cast_loop(S, N, 0),
    gen_server:call(S, get),
    [{"castsPerSec", N / seconds(T0)}];
run("statem", N) ->
    {ok, M} = gen_statem:start(erlts_behaviours_switch, [], []),
    T0 = erlang:monotonic_time(),
    statem_loop(M, N, 0),
    gen_statem:call(M, count),
    [{"eventsPerSec", N / seconds(T0)}];
run("sup", N) ->
    logger:set_primary_config(level, none),
    {ok, Sup} = supervisor:start_link(?MODULE, {sup, N}),
    T0 = erlang:monotonic_time(),
    [{ok, _} = supervisor:start_child(Sup, []) || _ <- lists:seq(1, N)],
    Start = seconds(T0) * 1000,
    Children = supervisor:which_children(Sup),
    T1 = erlang:monotonic_time(),
    [exit(Pid, kill) || {_, Pid, _, _} <- Children],
    _ = supervisor:count_children(Sup),
    Restart = seconds(T1) * 1000,
    unlink(Sup),
    [{"startMs", Start}, {"restartMs", Restart}, {"totalMs", Start + Restart}];
run("idle", N) ->
    erlang:garbage_collect(),
    M0 = erlang:memory(processes),
    Bare = [spawn(fun() -> receive _ -> ok end end) || _ <- lists:seq(1, N)],
    timer:sleep(50),
    M1 = erlang:memory(processes),
    Servers = [start_counter() || _ <- lists:seq(1, N)],
    timer:sleep(50),
    M2 = erlang:memory(processes),
    _ = {Bare, Servers},
    [{"bareBytes", (M1 - M0) / N}, {"serverBytes", (M2 - M1) / N}].



statem_loop(_, 0, _) -> ok;
statem_loop(M, K, I) ->
    gen_statem:cast(M, flip),
    case I rem 1000 of 999 -> gen_statem:call(M, count); _ -> ok end,
    statem_loop(M, K - 1, I + 1).

cast_loop(_, 0, _) -> ok;
cast_loop(S, K, I) ->
    gen_server:cast(S, inc),
    case I rem 1000 of 999 -> gen_server:call(S, get); _ -> ok end,
    cast_loop(S, K - 1, I + 1).
