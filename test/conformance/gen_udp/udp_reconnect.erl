%% Connecting a connected socket to another peer: inet_drv first dissolves the
%% old association (Linux workaround), and as the socket was bound to port 0
%% the kernel then gives it a new local port; the new peer sees datagrams from
%% that new port. The old peer's datagrams are no longer received. (Printing
%% "port changed" assumes the kernel does not pick the old ephemeral port
%% again.) From gen_udp_SUITE:reconnect.
-module(udp_reconnect).
-export([main/0]).

main() ->
    A = ok(gen_udp:open(0, [binary, {active, false}])),
    B = ok(gen_udp:open(0, [binary, {active, false}])),
    C = ok(gen_udp:open(0, [binary, {active, false}])),
    [PA, PB, PC] = [ok(inet:port(X)) || X <- [A, B, C]],
    ok = gen_udp:connect(A, {127, 0, 0, 1}, PB),
    io:format("first connect keeps the port: ~w~n", [ok(inet:port(A)) =:= PA]),
    io:format("reconnect: ~w~n", [gen_udp:connect(A, {127, 0, 0, 1}, PC)]),
    PA2 = ok(inet:port(A)),
    io:format("port changed: ~w~n", [PA2 =/= PA]),
    io:format("peername: ~w~n", [inet:peername(A) =:= {ok, {{127, 0, 0, 1}, PC}}]),
    ok = gen_udp:send(A, <<"to C">>),
    {ok, {_, From, D}} = gen_udp:recv(C, 0, 1000),
    io:format("C got ~p from the new port: ~w~n", [D, From =:= PA2]),
    ok = gen_udp:send(C, {127, 0, 0, 1}, PA2, <<"from C">>),
    ok = gen_udp:send(B, {127, 0, 0, 1}, PA2, <<"from B">>),
    timer:sleep(30),
    io:format("A got: ~p~n", [[X || {{127, 0, 0, 1}, P, X} <- drain_recv(A), P =:= PC]]),
    [ok = gen_udp:close(X) || X <- [A, B, C]],
    ok.

drain_recv(S) ->
    case gen_udp:recv(S, 0, 0) of
        {ok, X} -> [X | drain_recv(S)];
        {error, timeout} -> []
    end.

ok({ok, X}) -> X.
