%% broadcast is off by default: sending to a broadcast address (here
%% 127.255.255.255, loopback's) is {error, eacces}; with {broadcast, true} it
%% is sent, and a socket bound to the any address on that port receives it
%% from the sender's address. broadcast reads back as set.
-module(udp_broadcast).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    SP = ok(inet:port(S)),
    io:format("~w~n", [inet:getopts(S, [broadcast])]),
    io:format("without broadcast: ~w~n", [gen_udp:send(S, {127, 255, 255, 255}, RP, <<"b">>)]),
    ok = inet:setopts(S, [{broadcast, true}]),
    io:format("~w~n", [inet:getopts(S, [broadcast])]),
    io:format("with broadcast: ~w~n", [gen_udp:send(S, {127, 255, 255, 255}, RP, <<"b">>)]),
    {ok, {IP, P, D}} = gen_udp:recv(R, 0, 1000),
    io:format("received: ~w ~w ~p~n", [IP, P =:= SP, D]),
    ok = inet:setopts(S, [{broadcast, false}]),
    io:format("off again: ~w~n", [gen_udp:send(S, {127, 255, 255, 255}, RP, <<"b">>)]),
    io:format("bad value: ~w~n", [inet:setopts(S, [{broadcast, foo}])]),
    B = ok(gen_udp:open(0, [{broadcast, true}])),
    io:format("open with broadcast: ~w~n", [inet:getopts(B, [broadcast])]),
    [ok = gen_udp:close(X) || X <- [R, S, B]],
    ok.

ok({ok, X}) -> X.
