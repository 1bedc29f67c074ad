%% recv's Length is ignored for UDP: recv(S, 3) returns the whole datagram, a
%% Length above the datagram's size returns it too, and what recv(S, 3) did
%% not "want" is not kept for a later recv (one recv, one datagram). A Length
%% that does not fit 32 bits or is negative is {error, einval} from recv/3;
%% recv/2 wants an integer (function_clause otherwise).
-module(udp_recv_length_ignored).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"0123456789">>),
    io:format("recv 3: ~p~n", [data(gen_udp:recv(R, 3, 1000))]),
    io:format("rest: ~p~n", [gen_udp:recv(R, 3, 50)]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"abc">>),
    io:format("recv 100000: ~p~n", [data(gen_udp:recv(R, 100000, 1000))]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"one">>),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"two">>),
    io:format("recv 1000: ~p ~p~n", [data(gen_udp:recv(R, 1000, 1000)), data(gen_udp:recv(R, 1, 1000))]),
    io:format("recv -1: ~w ~w~n", [gen_udp:recv(R, -1, 10), gen_udp:recv(R, -1)]),
    io:format("recv 2^32: ~w~n", [gen_udp:recv(R, 16#100000000, 10)]),
    io:format("recv foo/3: ~w~n", [try_(fun() -> gen_udp:recv(R, foo, 10) end)]),
    io:format("recv foo/2: ~w~n", [try_(fun() -> gen_udp:recv(R, foo) end)]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"still fine">>),
    io:format("~p~n", [data(gen_udp:recv(R, 0, 1000))]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

data({ok, {{127, 0, 0, 1}, Port, Data}}) when is_integer(Port) -> Data;
data(Other) -> Other.

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

ok({ok, X}) -> X.
