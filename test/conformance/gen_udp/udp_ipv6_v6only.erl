%% An inet6 socket bound to the any address is dual-stack by default
%% (ipv6_v6only false): an IPv4 sender reaches it and shows up as an
%% IPv4-mapped address, {0,0,0,0,0,65535,32512,1} for 127.0.0.1, and a reply
%% to that address reaches the IPv4 socket. With {ipv6_v6only, true} at open
%% IPv4 datagrams do not arrive. Setting ipv6_v6only after the bind is
%% {error, einval}, and on an inet socket as well.
-module(udp_ipv6_v6only).
-export([main/0]).

main() ->
    V4 = ok(gen_udp:open(0, [binary, {active, false}])),
    P4 = ok(inet:port(V4)),
    Dual = ok(gen_udp:open(0, [inet6, binary, {active, false}])),
    PD = ok(inet:port(Dual)),
    io:format("~w~n", [inet:getopts(Dual, [ipv6_v6only])]),
    ok = gen_udp:send(V4, {127, 0, 0, 1}, PD, <<"v4">>),
    {ok, {IP, P, D}} = gen_udp:recv(Dual, 0, 1000),
    io:format("dual-stack got: ~w ~w ~p~n", [IP, P =:= P4, D]),
    ok = gen_udp:send(Dual, IP, P4, <<"back">>),
    {ok, {IP2, P2, D2}} = gen_udp:recv(V4, 0, 1000),
    io:format("IPv4 socket got: ~w ~w ~p~n", [IP2, P2 =:= PD, D2]),
    Only = ok(gen_udp:open(0, [inet6, {ipv6_v6only, true}, binary, {active, false}])),
    PO = ok(inet:port(Only)),
    io:format("~w~n", [inet:getopts(Only, [ipv6_v6only])]),
    ok = gen_udp:send(V4, {127, 0, 0, 1}, PO, <<"v4">>),
    io:format("v6only got: ~w~n", [gen_udp:recv(Only, 0, 50)]),
    io:format("set after bind: ~w ~w~n", [inet:setopts(Dual, [{ipv6_v6only, true}]), inet:getopts(Dual, [ipv6_v6only])]),
    io:format("on inet: ~w ~w~n", [inet:setopts(V4, [{ipv6_v6only, true}]), inet:getopts(V4, [ipv6_v6only])]),
    [ok = gen_udp:close(X) || X <- [V4, Dual, Only]],
    ok.

ok({ok, X}) -> X.
