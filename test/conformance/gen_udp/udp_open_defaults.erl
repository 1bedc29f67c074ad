%% A fresh inet gen_udp socket: what getopts reads back, in the order asked.
%% gen_udp asks for {recbuf, 8192} itself (the kernel reports it doubled), and
%% buffer follows recbuf. Options with no meaning for UDP (nodelay, delay_send,
%% send_timeout, tclass, ...) are left out of the answer, an unknown one makes
%% the whole call {error, einval}. multicast_if is not asked: inet_drv reads it
%% back as garbage on Linux. From gen_udp_SUITE:max_buffer_size.
-module(udp_open_defaults).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0)),
    io:format("~w~n", [inet:getopts(S, [active, mode, buffer, recbuf, sndbuf, header, deliver, read_packets])]),
    io:format("~w~n", [inet:getopts(S, [broadcast, multicast_loop, multicast_ttl, reuseaddr, priority, tos, ttl,
                                        dontroute])]),
    io:format("~w~n", [inet:getopts(S, [exit_on_close, packet, packet_size, keepalive, linger,
                                        high_msgq_watermark, low_msgq_watermark, recvtos, recvttl, debug,
                                        bind_to_device])]),
    io:format("not for udp: ~w~n", [inet:getopts(S, [ipv6_v6only, nodelay, delay_send, send_timeout,
                                                     send_timeout_close, high_watermark, low_watermark,
                                                     show_econnreset, tclass, recvtclass, netns, pktoptions])]),
    io:format("unknown: ~w ~w ~w~n", [inet:getopts(S, [active, bogus]), inet:getopts(S, [exclusiveaddruse]),
                                      inet:getopts(S, [line_delimiter])]),
    io:format("address options: ~w ~w~n", [inet:getopts(S, [ip]), inet:getopts(S, [port])]),
    io:format("empty: ~w~n", [inet:getopts(S, [])]),
    ok = gen_udp:close(S).

ok({ok, X}) -> X.
