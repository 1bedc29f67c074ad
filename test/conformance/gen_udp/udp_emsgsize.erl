%% The largest IPv4 UDP payload is 65507 bytes: one more is {error, emsgsize}
%% from send, and nothing is sent. A receiver keeps at most `buffer` bytes of
%% a datagram: with the default buffer (8192) the 65507-byte datagram arrives
%% cut to 8192 bytes, with {buffer, 65536} whole.
-module(udp_emsgsize).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    Big = binary:copy(<<"x">>, 65507),
    io:format("65508 bytes: ~w~n", [gen_udp:send(S, {127, 0, 0, 1}, RP, <<Big/binary, "y">>)]),
    io:format("70000 bytes: ~w~n", [gen_udp:send(S, {127, 0, 0, 1}, RP, binary:copy(<<"z">>, 70000))]),
    io:format("65507 bytes: ~w~n", [gen_udp:send(S, {127, 0, 0, 1}, RP, Big)]),
    {ok, {_, _, D1}} = gen_udp:recv(R, 0, 1000),
    io:format("received: ~w ~w~n", [byte_size(D1), D1 =:= binary:part(Big, 0, byte_size(D1))]),
    io:format("no more: ~w~n", [gen_udp:recv(R, 0, 30)]),
    ok = inet:setopts(R, [{buffer, 65536}, {recbuf, 200000}]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, Big),
    {ok, {_, _, D2}} = gen_udp:recv(R, 0, 1000),
    io:format("with {buffer, 65536}: ~w ~w~n", [byte_size(D2), D2 =:= Big]),
    ok = gen_udp:connect(S, {127, 0, 0, 1}, RP),
    io:format("connected, 65508 bytes: ~w~n", [gen_udp:send(S, <<Big/binary, "y">>)]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

ok({ok, X}) -> X.
