%% A passive binary socket: recv/2 returns {ok, {Address, Port, Binary}} with
%% the sender's address and port, whatever iodata was sent (a string, a binary,
%% a deep list of both). From gen_udp_SUITE:binary_passive_recv (OTP-3823).
-module(udp_binary_passive_recv).
-export([main/0]).

main() ->
    D1 = "The quick brown fox jumps over a lazy dog",
    D2 = list_to_binary(D1),
    D3 = ["The quick", <<" brown ">>, "fox jumps ", <<"over ">>, <<>>, $a, [[], " lazy ", <<"dog">>]],
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0)),
    SP = ok(inet:port(S)),
    [begin
         io:format("send: ~w~n", [gen_udp:send(S, {127, 0, 0, 1}, RP, D)]),
         {ok, {Addr, Port, B}} = gen_udp:recv(R, byte_size(D2) + 1),
         io:format("~w ~w ~p~n", [Addr, Port =:= SP, B])
     end || D <- [D1, D2, D3]],
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<>>),
    io:format("empty datagram: ~p~n", [element(3, ok(gen_udp:recv(R, 0, 1000)))]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

ok({ok, X}) -> X.
