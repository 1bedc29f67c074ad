%% {active, N}: N datagrams as messages, then {udp_passive, S} and the socket
%% is passive; what arrives meanwhile waits in the kernel and a later
%% {active, N} delivers it. The counter reads back as the integer left.
%% From gen_udp_SUITE:active_n.
-module(udp_active_n_passive).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, 3}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    io:format("~w~n", [inet:getopts(R, [active])]),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<I>>) || I <- [1, 2, 3, 4, 5]],
    timer:sleep(30),
    io:format("~w~n", [data(R, drain())]),
    io:format("~w~n", [inet:getopts(R, [active])]),
    ok = inet:setopts(R, [{active, 1}]),
    timer:sleep(30),
    io:format("~w~n", [data(R, drain())]),
    ok = inet:setopts(R, [{active, 5}]),
    timer:sleep(30),
    io:format("~w ~w~n", [data(R, drain()), inet:getopts(R, [active])]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<6>>),
    timer:sleep(30),
    io:format("~w ~w~n", [data(R, drain()), inet:getopts(R, [active])]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

data(R, Msgs) ->
    [case M of
         {udp, R, {127, 0, 0, 1}, P, D} when is_integer(P) -> D;
         {udp_passive, R} -> udp_passive;
         _ -> M
     end || M <- Msgs].

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
