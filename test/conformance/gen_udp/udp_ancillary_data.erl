%% recvtos and recvttl are taken at open and by setopts and read back. (What
%% they make a socket report, the TOS and TTL of each datagram as AncData in
%% {ok, {IP, Port, AncData, Data}} and {udp, S, IP, Port, AncData, Data}, and
%% AncData given to send/4,5, Node's dgram cannot do: docs/DEVIATIONS.md.)
%% Turned off, recv gives {IP, Port, Data}. From gen_udp_SUITE:recvtos,
%% recvttl, recvtosttl.
-module(udp_ancillary_data).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, false}, {recvtos, true}, {recvttl, true}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    SP = ok(inet:port(S)),
    io:format("~w~n", [inet:getopts(R, [recvtos, recvttl])]),
    ok = inet:setopts(S, [{tos, 96}, {ttl, 33}]),
    io:format("~w~n", [inet:getopts(S, [tos, ttl])]),
    ok = inet:setopts(R, [{recvtos, false}, {recvttl, false}]),
    io:format("~w~n", [inet:getopts(R, [recvtos, recvttl])]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"plain">>),
    io:format("recv: ~w~n", [strip(SP, gen_udp:recv(R, 0, 1000))]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

strip(SP, {ok, {IP, SP, Data}}) -> {IP, Data};
strip(_, Other) -> Other.

ok({ok, X}) -> X.
