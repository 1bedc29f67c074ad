%% An inet6 listener on ::1 and a client connecting to it; addresses read
%% back as 8-tuples, and the inet6 option reads back too.
-module(ipv6_loopback).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [inet6, {ip, {0, 0, 0, 0, 0, 0, 0, 1}}, binary, {active, false}])),
    Port = ok(inet:port(LS)),
    {ok, {LAddr, _}} = inet:sockname(LS),
    io:format("listen address: ~w~n", [LAddr]),
    C = ok(gen_tcp:connect({0, 0, 0, 0, 0, 0, 0, 1}, Port, [inet6, binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    {ok, {PAddr, PPort}} = inet:peername(C),
    io:format("peer: ~w, same port: ~w~n", [PAddr, PPort =:= Port]),
    {ok, {SAddr, _}} = inet:peername(S),
    io:format("client seen from the server: ~w~n", [SAddr]),
    ok = gen_tcp:send(C, <<"six">>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("inet4 address on an inet6 socket: ~w~n",
              [element(1, catch gen_tcp:connect({127, 0, 0, 1}, Port, [inet6]))]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
