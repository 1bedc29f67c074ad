%% recv with a nonzero length is {error, einval} unless the packet type is
%% raw; with length 0 the same socket delivers its packets.
-module(recv_length_packet_einval).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 1}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("recv 5 with {packet, 1}: ~w~n", [gen_tcp:recv(C, 5, 100)]),
    ok = inet:setopts(S, [{packet, line}]),
    io:format("recv 5 with {packet, line}: ~w~n", [gen_tcp:recv(S, 5, 100)]),
    ok = inet:setopts(S, [{packet, 4}]),
    io:format("recv 5 with {packet, 4}: ~w~n", [gen_tcp:recv(S, 5, 100)]),
    ok = gen_tcp:send(C, <<"abc">>),
    ok = inet:setopts(S, [{packet, 1}]),
    io:format("recv 0 with {packet, 1}: ~w~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
