%% The Erlang/OTP nodes of the distribution benchmarks (BENCH_ONLY=dist), the same code as
%% bench/cases/dist-node.ts runs on erlts. Two nodes, each an OS process of its own, started by
%% bench/cases/dist-client.ts:
%%   echo node:  erl -sname E -setcookie C -start_epmd false -noshell -pa DIR
%%                   -eval 'erlts_dist_bench:echo()'
%%   driver:     erl -sname D ... -eval 'erlts_dist_bench:drive(["E@host", "stream64", ...])'
%% The echo node registers erlts_dist_bench, prints "@@ready Node" and halts when stdin closes.
%% The driver measures, for 64-byte and 64 KiB binaries:
%%   stream  one process sends N binaries to a sink on the echo node, which counts them and
%%           answers {counted, N} once at the end; the sink acknowledges every window (256 KiB
%%           of payload) and the sender keeps at most four windows unacknowledged, so neither
%%           side buffers without bound (an erlts sender cannot be suspended by a busy
%%           distribution port as an Erlang one is);
%%   rtt     one process sends {self(), Bin}, the echo process sends Bin back, one in flight.
%% A warm-up of a fixed count, then a calibration of about a quarter second, give the rate
%% from which N is chosen for about STREAM_SECS (RTT_SECS) times BENCH_DIST_SECS (1) seconds.
%% It prints one JSON line of rates (msgsPerSec64, roundTripsPerSec64, ... 64k) and halts.
-module(erlts_dist_bench).
-export([echo/0, drive/1]).

-define(WINDOW_BYTES, 256 * 1024).
-define(WINDOWS_IN_FLIGHT, 4).
-define(STREAM_SECS, 1.5).
-define(RTT_SECS, 1.0).

echo() ->
    register(erlts_dist_bench, spawn(fun server/0)),
    io:format("@@ready ~s~n", [node()]),
    wait_eof().

wait_eof() ->
    case io:get_line("") of
        eof -> halt(0);
        {error, _} -> halt(0);
        _ -> wait_eof()
    end.

%% Hands out a sink or an echo process to a driver.
server() ->
    receive
        {sink, From, Window} -> From ! {sink, spawn(fun() -> sink(From, Window, 0) end)};
        {echo, From} -> From ! {echo, spawn(fun echo_loop/0)}
    end,
    server().

sink(From, Window, N) ->
    receive
        B when is_binary(B) ->
            N1 = N + 1,
            case N1 rem Window of
                0 -> From ! {ack, N1};
                _ -> ok
            end,
            sink(From, Window, N1);
        done ->
            From ! {counted, N},
            sink(From, Window, 0);
        stop ->
            ok
    end.

echo_loop() ->
    receive
        {From, Msg} -> From ! Msg, echo_loop();
        stop -> ok
    end.

drive([EchoNode0 | Cases]) ->
    EchoNode = list_to_atom(EchoNode0),
    pong = net_adm:ping(EchoNode),
    Results = lists:flatmap(fun(C) -> measure(EchoNode, C) end, Cases),
    Json = lists:join(",", [io_lib:format("\"~s\":~.3f", [K, float(V)]) || {K, V} <- Results]),
    io:format("~s~n", [["{", Json, "}"]]),
    halt(0).

measure(EchoNode, "stream64") -> stream(EchoNode, 64, 20000, "64");
measure(EchoNode, "stream64k") -> stream(EchoNode, 65536, 300, "64k");
measure(EchoNode, "rtt64") -> rtt(EchoNode, 64, 3000, "64");
measure(EchoNode, "rtt64k") -> rtt(EchoNode, 65536, 300, "64k").

stream(EchoNode, Size, Warm, Suffix) ->
    Bin = binary:copy(<<$a>>, Size),
    Window = max(1, ?WINDOW_BYTES div Size),
    {erlts_dist_bench, EchoNode} ! {sink, self(), Window},
    Sink = receive {sink, S} -> S end,
    Rate0 = timed_stream(Sink, Bin, Warm, Window),
    Rate1 = timed_stream(Sink, Bin, max(Warm, round(Rate0 / 4)), Window),
    N = max(Warm, round(Rate1 * ?STREAM_SECS * scale())),
    Rate = timed_stream(Sink, Bin, N, Window),
    Sink ! stop,
    [{"msgsPerSec" ++ Suffix, Rate}, {"streamCount" ++ Suffix, N}].

%% Messages per second of one stream of N.
timed_stream(Sink, Bin, N, Window) ->
    T0 = erlang:monotonic_time(),
    send_all(Sink, Bin, N, Window, 0),
    Sink ! done,
    N = receive {counted, C} -> C end,
    T1 = erlang:monotonic_time(),
    flush_acks(),
    N / seconds(T1 - T0).

send_all(_Sink, _Bin, N, _Window, N) ->
    ok;
send_all(Sink, Bin, N, Window, Sent) ->
    Sink ! Bin,
    Sent1 = Sent + 1,
    case Sent1 rem Window =:= 0 andalso Sent1 >= ?WINDOWS_IN_FLIGHT * Window of
        true -> receive {ack, _} -> ok end;
        false -> ok
    end,
    send_all(Sink, Bin, N, Window, Sent1).

flush_acks() ->
    receive {ack, _} -> flush_acks() after 0 -> ok end.

rtt(EchoNode, Size, Warm, Suffix) ->
    Bin = binary:copy(<<$a>>, Size),
    {erlts_dist_bench, EchoNode} ! {echo, self()},
    Echo = receive {echo, E} -> E end,
    Rate0 = timed_rtt(Echo, Bin, Warm),
    Rate1 = timed_rtt(Echo, Bin, max(Warm, round(Rate0 / 4))),
    N = max(Warm, round(Rate1 * ?RTT_SECS * scale())),
    Rate = timed_rtt(Echo, Bin, N),
    Echo ! stop,
    [{"roundTripsPerSec" ++ Suffix, Rate}, {"rttCount" ++ Suffix, N}].

timed_rtt(Echo, Bin, N) ->
    T0 = erlang:monotonic_time(),
    round_trips(Echo, Bin, N),
    T1 = erlang:monotonic_time(),
    N / seconds(T1 - T0).

round_trips(_Echo, _Bin, 0) ->
    ok;
round_trips(Echo, Bin, N) ->
    Echo ! {self(), Bin},
    receive B when is_binary(B) -> ok end,
    round_trips(Echo, Bin, N - 1).

%% BENCH_DIST_SECS: longer (or shorter) runs, to profile.
scale() ->
    case os:getenv("BENCH_DIST_SECS") of
        false -> 1.0;
        S -> try list_to_float(S) catch error:badarg -> float(list_to_integer(S)) end
    end.

seconds(Native) ->
    erlang:convert_time_unit(Native, native, microsecond) / 1.0e6.
