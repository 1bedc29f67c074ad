%% A fresh inet6 gen_udp socket: unlike inet, gen_udp asks for no recbuf, so
%% recbuf is the kernel's default and buffer stays at inet_drv's default, 1460.
%% ipv6_v6only, tclass and recvtclass read back on inet6; ttl and tos still do.
%% sockname is the IPv6 any address. From gen_udp_SUITE:implicit_inet6.
-module(udp_open_defaults_inet6).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [inet6])),
    io:format("~w~n", [inet:getopts(S, [active, mode, buffer, header, deliver, read_packets])]),
    io:format("~w~n", [inet:getopts(S, [ipv6_v6only, tclass, recvtclass, ttl, tos, broadcast, multicast_loop,
                                        multicast_ttl, reuseaddr])]),
    {ok, {Addr, Port}} = inet:sockname(S),
    io:format("sockname: ~w ~w~n", [Addr, is_integer(Port)]),
    io:format("peername: ~w~n", [inet:peername(S)]),
    ok = gen_udp:close(S),
    S2 = ok(gen_udp:open(0, [inet6, {recbuf, 8192}])),
    io:format("with recbuf 8192: ~w~n", [inet:getopts(S2, [buffer, recbuf])]),
    ok = gen_udp:close(S2).

ok({ok, X}) -> X.
