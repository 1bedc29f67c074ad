%% The Erlang/OTP side of the external term format benchmark: the corpus of
%% bench/cases/etf.ts, item for item, through term_to_binary/1 and
%% binary_to_term/1, printing one JSON line:
%%   {"encodeMBps": ..., "decodeMBps": ..., "bytes": ...}
%%   erl -noshell -pa DIR -eval 'erlts_etf_bench:main(["mixed"])'
-module(erlts_etf_bench).
-export([main/1]).

main([Case]) ->
    Items = corpus(Case),
    Encoded = [term_to_binary(T) || T <- Items],
    Total = lists:sum([byte_size(B) || B <- Encoded]),
    Enc = mbps(fun() -> lists:foldl(fun(T, N) -> N + byte_size(term_to_binary(T)) end, 0, Items) end),
    Dec = mbps(fun() -> lists:foreach(fun(B) -> binary_to_term(B) end, Encoded), Total end),
    io:format("{\"encodeMBps\":~p,\"decodeMBps\":~p,\"bytes\":~p}~n", [Enc, Dec, Total]),
    halt(0).

seq(N) -> lists:seq(0, N - 1).

bytes(N, K) -> << <<((I * 7 + K) band 255)>> || I <- seq(N) >>.

corpus("small") -> [{ok, I, hello, -7 * I} || I <- seq(1000)];
corpus("string") -> ["hello world, this is string number " ++ integer_to_list(I) || I <- seq(1000)];
corpus("bin64") -> [bytes(64, I) || I <- seq(1000)];
corpus("bin64k") -> [bytes(65536, I) || I <- seq(16)];
corpus("map") ->
    [#{active => true, age => I rem 100, name => iolist_to_binary(["user ", integer_to_list(I)]), tags => [a, b, c]}
     || I <- seq(1000)];
corpus("nested") -> [[[1, 2, 3], [4, [5, 6, [I]]], {x, [8, 9]}] || I <- seq(200)];
corpus("ids") -> [{self(), make_ref()} || _ <- seq(1000)];
corpus("mixed") ->
    lists:append([corpus(C) || C <- ["small", "string", "bin64", "bin64k", "map", "nested", "ids"]]).

%% Rounds over the corpus for at least a second (and 3 rounds), after a warm-up.
mbps(Round) ->
    Round(),
    T0 = erlang:monotonic_time(),
    {_Rounds, Bytes} = rounds(Round, T0, 0, 0),
    Us = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond),
    Bytes / 1048576 / (Us / 1.0e6).

rounds(Round, T0, Rounds, Bytes) ->
    Elapsed = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, millisecond),
    if
        Elapsed >= 1000, Rounds >= 3 -> {Rounds, Bytes};
        true -> rounds(Round, T0, Rounds + 1, Bytes + Round())
    end.
