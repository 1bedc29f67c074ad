%% recbuf and sndbuf read back as the kernel reports them (Linux doubles the
%% value asked). Setting recbuf also raises buffer to the value asked, capped
%% at 65536, unless buffer was ever set explicitly; a smaller recbuf never
%% lowers buffer. An explicit buffer reads back as set. From
%% gen_udp_SUITE:buffer_size and max_buffer_size (OTP-15206).
-module(udp_buffer_options).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary])),
    io:format("fresh: ~w~n", [inet:getopts(S, [recbuf, buffer])]),
    [begin
         ok = inet:setopts(S, [{recbuf, N}]),
         io:format("recbuf ~w: ~w~n", [N, inet:getopts(S, [recbuf, buffer])])
     end || N <- [20000, 10000, 65536, 1 bsl 20]],
    ok = inet:setopts(S, [{sndbuf, 10000}]),
    io:format("sndbuf 10000: ~w~n", [inet:getopts(S, [sndbuf])]),
    ok = inet:setopts(S, [{buffer, 1000}]),
    io:format("buffer 1000: ~w~n", [inet:getopts(S, [buffer])]),
    ok = inet:setopts(S, [{recbuf, 30000}]),
    io:format("recbuf after buffer: ~w~n", [inet:getopts(S, [recbuf, buffer])]),
    ok = gen_udp:close(S),
    [begin
         S2 = ok(gen_udp:open(0, Opts)),
         io:format("open ~w: ~w~n", [Opts, inet:getopts(S2, [recbuf, buffer, sndbuf])]),
         ok = gen_udp:close(S2)
     end || Opts <- [[{recbuf, 1000}], [{recbuf, 100000}], [{buffer, 100}],
                     [{buffer, 100}, {recbuf, 100000}], [{recbuf, 100000}, {buffer, 100}],
                     [{sndbuf, 4096}], [{buffer, 70000}]]],
    ok.

ok({ok, X}) -> X.
