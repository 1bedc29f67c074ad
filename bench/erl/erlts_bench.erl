%% The Erlang/OTP side of `npm run bench`: the same ring, spawn, call
%% pattern and recursive loop measurements as bench/cases/*.ts, printing one JSON line each.
%%   erl -noshell -pa DIR -eval 'erlts_bench:main(["ring","1000","1000"])'
-module(erlts_bench).
-export([main/1]).

main(["ring", N, Laps]) ->
    out("{\"hopsPerSec\":~p}", [ring(list_to_integer(N), list_to_integer(Laps))]);
main(["spawn", Count]) ->
    {Us, Bytes} = spawn_idle(list_to_integer(Count)),
    out("{\"usPerSpawn\":~p,\"bytesPerProcess\":~p}", [Us, Bytes]);
main(["call", Queued, Calls]) ->
    out("{\"usPerCall\":~p}", [call(list_to_integer(Queued), list_to_integer(Calls))]);
main(["loop", Pings]) ->
    {GrowthMB, Us} = loop(list_to_integer(Pings)),
    out("{\"heapGrowthMB\":~p,\"usPerPing\":~p}", [GrowthMB, Us]).

out(Fmt, Args) ->
    io:format(Fmt ++ "~n", Args),
    halt(0).

%% Ring: N processes pass a counter around Laps times.
ring(N, Laps) ->
    Self = self(),
    Total = N * Laps,
    First = spawn(fun() -> receive {next, Nx} -> member(Nx, Total, Self) end end),
    Last = lists:foldl(fun(_, Next) -> spawn(fun() -> member(Next, Total, Self) end) end,
                       First, lists:seq(1, N - 1)),
    First ! {next, Last},
    timer:sleep(50),
    T0 = erlang:monotonic_time(),
    First ! 0,
    receive done -> ok end,
    Us = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond),
    Total / (Us / 1.0e6).

member(Next, Total, Parent) ->
    receive
        M when M >= Total -> Parent ! done;
        M -> Next ! M + 1, member(Next, Total, Parent)
    end.

%% Spawn: Count processes blocked in receive; time per spawn and memory per process.
spawn_idle(Count) ->
    Self = self(),
    erlang:garbage_collect(),
    Before = erlang:memory(processes),
    T0 = erlang:monotonic_time(),
    Pids = spawn_n(Count, Self, []),
    wait_started(Count),
    Us = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond),
    Bytes = erlang:memory(processes) - Before,
    [exit(P, kill) || P <- Pids],
    {Us / Count, Bytes / Count}.

spawn_n(0, _, Acc) -> Acc;
spawn_n(K, Self, Acc) ->
    P = spawn(fun() -> Self ! up, receive stop -> ok end end),
    spawn_n(K - 1, Self, [P | Acc]).

wait_started(0) -> ok;
wait_started(K) -> receive up -> wait_started(K - 1) end.

%% Call pattern: request with a fresh ref, reply matched on it, with Queued
%% unrelated messages sitting in the caller's mailbox.
call(Queued, Calls) ->
    Server = spawn(fun server/0),
    [self() ! {unrelated, I} || I <- lists:seq(1, Queued)],
    [call_once(Server) || _ <- lists:seq(1, 1000)],
    T0 = erlang:monotonic_time(),
    [call_once(Server) || _ <- lists:seq(1, Calls)],
    Us = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond),
    exit(Server, kill),
    Us / Calls.

call_once(Server) ->
    Ref = make_ref(),
    Server ! {call, self(), Ref, ping},
    receive {reply, Ref, pong} -> ok end.

server() ->
    receive {call, From, Ref, ping} -> From ! {reply, Ref, pong}, server() end.

%% Recursive loop: a pong server that calls itself after each ping; memory growth over Pings
%% round trips (erlang:memory(total), after collecting both processes) and time per round trip.
loop(Pings) ->
    Pong = spawn(fun() -> pong(0) end),
    [ping(Pong) || _ <- lists:seq(1, 1000)],
    Before = settled_memory(Pong),
    T0 = erlang:monotonic_time(),
    ping_n(Pong, Pings),
    Us = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond),
    After = settled_memory(Pong),
    Pong ! stop,
    {(After - Before) / 1.0e6, Us / Pings}.

settled_memory(Pong) ->
    erlang:garbage_collect(),
    erlang:garbage_collect(Pong),
    erlang:memory(total).

ping_n(_, 0) -> ok;
ping_n(Pong, K) -> ping(Pong), ping_n(Pong, K - 1).

ping(Pong) ->
    Pong ! {ping, self()},
    receive pong -> ok end.

pong(N) ->
    receive
        {ping, From} when is_pid(From) -> From ! pong, pong(N + 1);
        stop -> N
    end.
