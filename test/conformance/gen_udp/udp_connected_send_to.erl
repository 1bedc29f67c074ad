%% On a connected socket inet_drv ignores the destination given to send/3,4,5:
%% the datagram goes to the connected peer, not to the address asked (Linux
%% would honour it; inet_drv uses send(), not sendto()). From
%% gen_udp_SUITE:implicit_inet6 (which allows either behaviour).
-module(udp_connected_send_to).
-export([main/0]).

main() ->
    A = ok(gen_udp:open(0, [binary, {active, false}])),
    B = ok(gen_udp:open(0, [binary, {active, false}])),
    C = ok(gen_udp:open(0, [binary, {active, false}])),
    [PA, PB, PC] = [ok(inet:port(X)) || X <- [A, B, C]],
    ok = gen_udp:connect(A, {127, 0, 0, 1}, PB),
    io:format("send/4 to C: ~w~n", [gen_udp:send(A, {127, 0, 0, 1}, PC, <<"meant for C">>)]),
    io:format("send/3 to C: ~w~n", [gen_udp:send(A, {{127, 0, 0, 1}, PC}, <<"also for C">>)]),
    io:format("send/3 map to C: ~w~n",
              [gen_udp:send(A, #{family => inet, addr => {127, 0, 0, 1}, port => PC}, <<"map for C">>)]),
    io:format("send/5 to C: ~w~n", [gen_udp:send(A, {127, 0, 0, 1}, PC, [], <<"send/5 for C">>)]),
    io:format("send/4 to port 0: ~w~n", [gen_udp:send(A, {127, 0, 0, 1}, 0, <<"port 0">>)]),
    timer:sleep(30),
    io:format("C got: ~w~n", [gen_udp:recv(C, 0, 0)]),
    io:format("B got: ~p~n", [from(PA, drain_recv(B))]),
    [ok = gen_udp:close(X) || X <- [A, B, C]],
    ok.

from(PA, Datagrams) -> [D || {{127, 0, 0, 1}, P, D} <- Datagrams, P =:= PA].

drain_recv(S) ->
    case gen_udp:recv(S, 0, 0) of
        {ok, X} -> [X | drain_recv(S)];
        {error, timeout} -> []
    end.

ok({ok, X}) -> X.
