%% inet6 sockets on ::1: addresses read back and arrive as 8-tuples; send/3
%% takes an inet6 sockaddr map and {inet6, {loopback, Port}}. An IPv4 tuple as
%% host is {error, eafnosupport}, {IPv4, Port} or an inet map function_clause.
%% {ip, 8-tuple} alone makes an inet6 socket; inet with an IPv6 {ip, ...} (or
%% the reverse) exits badarg. connect with an inet6 map works. From
%% gen_udp_SUITE:implicit_inet6 and t_simple_local_sockaddr_in6_send_recv.
-module(udp_ipv6_loopback).
-export([main/0]).

main() ->
    Loop = {0, 0, 0, 0, 0, 0, 0, 1},
    A = ok(gen_udp:open(0, [inet6, {ip, Loop}, binary, {active, false}])),
    PA = ok(inet:port(A)),
    B = ok(gen_udp:open(0, [{ip, Loop}, binary, {active, false}])),
    PB = ok(inet:port(B)),
    {ok, {BAddr, _}} = inet:sockname(B),
    io:format("implicit inet6: ~w~n", [BAddr]),
    io:format("send/4: ~w~n", [gen_udp:send(B, Loop, PA, <<"six">>)]),
    {ok, {IP, P, D}} = gen_udp:recv(A, 0, 1000),
    io:format("received: ~w ~w ~p~n", [IP, P =:= PB, D]),
    Map = #{family => inet6, addr => Loop, port => PA},
    io:format("send/3 map: ~w~n", [gen_udp:send(B, Map, <<"map">>)]),
    io:format("send/3 {inet6, {loopback, Port}}: ~w~n", [gen_udp:send(B, {inet6, {loopback, PA}}, <<"lb">>)]),
    io:format("received: ~p ~p~n", [element(3, ok(gen_udp:recv(A, 0, 1000))),
                                    element(3, ok(gen_udp:recv(A, 0, 1000)))]),
    io:format("IPv4 host: ~w~n", [try_(fun() -> gen_udp:send(B, {127, 0, 0, 1}, PA, <<"x">>) end)]),
    io:format("{IPv4, Port}: ~w~n", [try_(fun() -> gen_udp:send(B, {{127, 0, 0, 1}, PA}, <<"x">>) end)]),
    io:format("inet map: ~w~n",
              [try_(fun() -> gen_udp:send(B, #{family => inet, addr => {127, 0, 0, 1}, port => PA}, <<"x">>) end)]),
    io:format("connect map: ~w ~w~n", [gen_udp:connect(B, Map), inet:peername(B) =:= {ok, {Loop, PA}}]),
    io:format("connect IPv4: ~w~n", [try_(fun() -> gen_udp:connect(B, {127, 0, 0, 1}, PA) end)]),
    io:format("inet, IPv6 ip: ~w~n", [try_(fun() -> gen_udp:open(0, [inet, {ip, Loop}]) end)]),
    io:format("inet6, IPv4 ip: ~w~n", [try_(fun() -> gen_udp:open(0, [inet6, {ip, {127, 0, 0, 1}}]) end)]),
    ok = gen_udp:close(A),
    ok = gen_udp:close(B).

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

ok({ok, X}) -> X.
