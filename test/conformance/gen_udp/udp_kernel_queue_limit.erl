%% A passive socket holds only what fits its kernel receive buffer: of 2000
%% ten-byte datagrams sent at once, a socket with gen_udp's default recbuf
%% (8192, 16384 once Linux doubles it) keeps some but far from all, the rest
%% is dropped silently (send says ok for each); one with {recbuf, 65536} keeps
%% more. (The exact counts depend on the kernel's per-datagram overhead:
%% 19 and 157 on Linux 6.x x86_64.)
-module(udp_kernel_queue_limit).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    [N1, N2] = [begin
                    R = ok(gen_udp:open(0, [binary, {active, false} | Opts])),
                    RP = ok(inet:port(R)),
                    Sent = [gen_udp:send(S, {127, 0, 0, 1}, RP, <<"0123456789">>) || _ <- lists:seq(1, 2000)],
                    io:format("sends ~w: ~w~n", [Opts, lists:usort(Sent)]),
                    timer:sleep(30),
                    N = count(R, 0),
                    ok = gen_udp:close(R),
                    N
                end || Opts <- [[], [{recbuf, 65536}]]],
    io:format("default recbuf keeps some, not all: ~w ~w~n", [N1 > 0, N1 < 2000]),
    io:format("{recbuf, 65536} keeps more: ~w~n", [N2 > N1]),
    ok = gen_udp:close(S).

count(R, N) ->
    case gen_udp:recv(R, 0, 0) of
        {ok, _} -> count(R, N + 1);
        {error, timeout} -> N
    end.

ok({ok, X}) -> X.
