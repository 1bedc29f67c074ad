%% Datagrams that arrive while the socket is passive wait in the kernel:
%% {active, true} then delivers them all, in order; back to {active, false},
%% later ones wait for recv again.
-module(udp_active_toggle).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<I>>) || I <- [1, 2, 3]],
    timer:sleep(30),
    io:format("passive: ~w~n", [drain()]),
    ok = inet:setopts(R, [{active, true}]),
    timer:sleep(30),
    io:format("active: ~w~n", [data(drain())]),
    ok = inet:setopts(R, [{active, false}]),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<I>>) || I <- [4, 5]],
    timer:sleep(30),
    io:format("passive again: ~w~n", [drain()]),
    io:format("recv: ~w ~w ~w~n", [data(gen_udp:recv(R, 0, 100)), data(gen_udp:recv(R, 0, 100)),
                                   gen_udp:recv(R, 0, 0)]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

data({ok, {{127, 0, 0, 1}, P, D}}) when is_integer(P) -> D;
data(Msgs) when is_list(Msgs) -> [D || {udp, _, {127, 0, 0, 1}, P, D} <- Msgs, is_integer(P)];
data(Other) -> Other.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
