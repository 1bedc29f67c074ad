%% connect/3 sets the socket's peer: send/2 goes to it, only its datagrams are
%% received (others are dropped by the kernel), peername reads it back and the
%% local address becomes the one used to reach it. send/2 on a socket that is
%% not connected is {error, einval}. From gen_udp_SUITE:connect and
%% t_simple_local_sockaddr_in_send_recv.
-module(udp_connect_filtering).
-export([main/0]).

main() ->
    A = ok(gen_udp:open(0, [binary, {active, false}])),
    B = ok(gen_udp:open(0, [binary, {active, false}])),
    C = ok(gen_udp:open(0, [binary, {active, false}])),
    [PA, PB] = [ok(inet:port(X)) || X <- [A, B]],
    io:format("send/2 unconnected: ~w~n", [gen_udp:send(A, <<"nowhere">>)]),
    io:format("peername unconnected: ~w~n", [inet:peername(A)]),
    io:format("sockname address: ~w~n", [element(1, ok(inet:sockname(A)))]),
    io:format("connect: ~w~n", [gen_udp:connect(A, {127, 0, 0, 1}, PB)]),
    io:format("peername: ~w~n", [inet:peername(A) =:= {ok, {{127, 0, 0, 1}, PB}}]),
    io:format("sockname: ~w~n", [inet:sockname(A) =:= {ok, {{127, 0, 0, 1}, PA}}]),
    io:format("send/2: ~w~n", [gen_udp:send(A, <<"to the peer">>)]),
    {ok, {IP, P, D}} = gen_udp:recv(B, 0, 1000),
    io:format("peer got: ~w ~w ~p~n", [IP, P =:= PA, D]),
    ok = gen_udp:send(C, {127, 0, 0, 1}, PA, <<"from C">>),
    ok = gen_udp:send(B, {127, 0, 0, 1}, PA, <<"from B">>),
    ok = gen_udp:send(C, {127, 0, 0, 1}, PA, <<"from C again">>),
    timer:sleep(30),
    {ok, {IP2, P2, D2}} = gen_udp:recv(A, 0, 1000),
    io:format("A got: ~w ~w ~p~n", [IP2, P2 =:= PB, D2]),
    io:format("and nothing else: ~w~n", [gen_udp:recv(A, 0, 30)]),
    io:format("state: ~w~n", [maps:get(states, inet:info(A))]),
    [ok = gen_udp:close(X) || X <- [A, B, C]],
    ok.

ok({ok, X}) -> X.
