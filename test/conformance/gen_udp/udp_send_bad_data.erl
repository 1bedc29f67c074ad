%% send with a packet that is not iodata (a byte out of range, a float, a
%% pid in a list) is {error, einval}, on every send form, and the
%% socket stays usable. The packet may be any iodata; an empty one is sent
%% as an empty datagram.
-module(udp_send_bad_data).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    [io:format("~w: ~w ~w~n", [Bad, gen_udp:send(S, {127, 0, 0, 1}, RP, Bad),
                               gen_udp:send(S, {{127, 0, 0, 1}, RP}, Bad)])
     || Bad <- [[256], [-1], 1.5, [<<"ok">>, [300]], [self()]]],
    ok = gen_udp:connect(S, {127, 0, 0, 1}, RP),
    io:format("connected: ~w~n", [gen_udp:send(S, [256])]),
    timer:sleep(20),
    io:format("nothing arrived: ~w~n", [gen_udp:recv(R, 0, 0)]),
    [begin
         ok = gen_udp:send(S, Good),
         io:format("~p~n", [element(3, ok(gen_udp:recv(R, 0, 1000)))])
     end || Good <- ["abc", [$a, [<<"b">>, "c"], <<>>, [[]]], <<>>, [], <<0, 255>>]],
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

ok({ok, X}) -> X.
