%% {active, once}: one datagram is delivered as a message and the socket turns
%% passive; the others wait in the kernel, and each new {active, once} delivers
%% the next one.
-module(udp_active_once).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, once}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<I>>) || I <- [1, 2, 3]],
    timer:sleep(30),
    io:format("~w ~w~n", [data(drain()), inet:getopts(R, [active])]),
    ok = inet:setopts(R, [{active, once}]),
    timer:sleep(30),
    io:format("~w ~w~n", [data(drain()), inet:getopts(R, [active])]),
    io:format("recv: ~w~n", [element(3, ok(gen_udp:recv(R, 0, 1000)))]),
    ok = inet:setopts(R, [{active, once}]),
    timer:sleep(30),
    io:format("~w ~w~n", [data(drain()), inet:getopts(R, [active])]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<4>>),
    timer:sleep(30),
    io:format("~w ~w~n", [data(drain()), inet:getopts(R, [active])]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

data(Msgs) -> [case M of {udp, _, {127, 0, 0, 1}, P, D} when is_integer(P) -> D; _ -> M end || M <- Msgs].

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
