%% The Erlang/OTP side of the packet benchmarks: the same streams as
%% bench/cases/decode-packet.ts, decoded by the same erlang:decode_packet/3
%% loop, printing one JSON line: {"MBps": ...}.
%%   erl -noshell -pa DIR -eval 'erlts_decode_bench:main(["p2-64"])'
-module(erlts_decode_bench).
-export([main/1]).

-define(STREAM_BYTES, 1048576).

main([Case]) ->
    {Type, Stream} = stream(Case),
    io:format("{\"MBps\":~p}~n", [mbps(Type, Stream)]),
    halt(0).

stream("p1-64") -> {1, length_stream(1, 64)};
stream("p2-64") -> {2, length_stream(2, 64)};
stream("p2-1k") -> {2, length_stream(2, 1024)};
stream("p4-64") -> {4, length_stream(4, 64)};
stream("p4-1k") -> {4, length_stream(4, 1024)};
stream("line") -> {line, line_stream()};
stream("http") -> {http_bin, http_stream()}.

payload(Size) -> << <<((I * 7 + 3) band 255)>> || I <- lists:seq(0, Size - 1) >>.

length_stream(HeaderBytes, Size) ->
    Packet = <<Size:(HeaderBytes * 8), (payload(Size))/binary>>,
    binary:copy(Packet, ?STREAM_BYTES div byte_size(Packet)).

line_stream() -> collect(fun line/1, 0, 0, []).

line(K) -> iolist_to_binary(["line ", integer_to_list(K), ": ", lists:duplicate(K rem 60 + 10, $x), "\n"]).

http_stream() -> collect(fun request/1, 0, 0, []).

request(K) ->
    Id = integer_to_list(K),
    iolist_to_binary(["GET /index/", Id, ".html HTTP/1.1\r\n",
                      "Host: www.example.com\r\n",
                      "User-Agent: Mozilla/5.0 (X11; Linux x86_64) erlts-bench/1.0\r\n",
                      "Accept: text/html,application/xhtml+xml\r\n",
                      "Accept-Language: en-US,en;q=0.5\r\n",
                      "Accept-Encoding: gzip, deflate\r\n",
                      "Connection: keep-alive\r\n",
                      "Cookie: session=abc123; theme=dark\r\n",
                      "X-Request-Id: ", Id, "\r\n",
                      "\r\n"]).

collect(_, _, Total, Acc) when Total >= ?STREAM_BYTES -> iolist_to_binary(lists:reverse(Acc));
collect(F, K, Total, Acc) ->
    B = F(K),
    collect(F, K + 1, Total + byte_size(B), [B | Acc]).

%% Rounds of decoding the whole stream for at least a second (and 3 rounds).
mbps(Type, Stream) ->
    Expected = loop(Type, Stream, 0), % warm-up, and the packet count every round must reach
    T0 = erlang:monotonic_time(),
    Rounds = rounds(Type, Stream, Expected, T0, 0),
    Us = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond),
    byte_size(Stream) * Rounds / 1048576 / (Us / 1.0e6).

rounds(Type, Stream, Expected, T0, Rounds) ->
    Expected = loop(Type, Stream, 0),
    Ms = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, millisecond),
    case Ms >= 1000 andalso Rounds + 1 >= 3 of
        true -> Rounds + 1;
        false -> rounds(Type, Stream, Expected, T0, Rounds + 1)
    end.

loop(http_bin, Stream, _) -> http_loop(Stream, http_bin, 0);
loop(Type, Bin, N) ->
    case erlang:decode_packet(Type, Bin, []) of
        {ok, _, Rest} -> loop(Type, Rest, N + 1);
        {more, _} -> N
    end.

%% Request line with http_bin, then headers with httph_bin until http_eoh.
http_loop(Bin, Type, N) ->
    case erlang:decode_packet(Type, Bin, []) of
        {ok, {http_request, _, _, _}, Rest} -> http_loop(Rest, httph_bin, N + 1);
        {ok, http_eoh, Rest} -> http_loop(Rest, http_bin, N + 1);
        {ok, _, Rest} -> http_loop(Rest, Type, N + 1);
        {more, _} -> N
    end.
