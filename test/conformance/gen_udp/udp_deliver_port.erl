%% {deliver, port}: an active socket delivers {S, {data, Data}}, the driver's
%% raw form, where Data starts with the address: the family (1 for inet), the
%% port in two bytes, big-endian, and the four address bytes, then the
%% datagram; a binary in binary mode, a flat list in list mode. udp_passive
%% keeps its usual form, and recv on a passive socket is not affected.
%% {deliver, term} restores {udp, S, IP, Port, Data}.
-module(udp_deliver_port).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    SP = ok(inet:port(S)),
    R = ok(gen_udp:open(0, [binary, {active, true}, {deliver, port}])),
    RP = ok(inet:port(R)),
    io:format("~w~n", [inet:getopts(R, [deliver])]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"dp">>),
    timer:sleep(30),
    io:format("binary: ~w~n", [[raw(R, SP, M) || M <- drain()]]),
    ok = inet:setopts(R, [list, {active, 2}]),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, D) || D <- [<<"l1">>, <<"l2">>, <<"l3">>]],
    timer:sleep(30),
    io:format("list, active 2: ~w~n", [[raw(R, SP, M) || M <- drain()]]),
    io:format("recv: ~p~n", [gen_udp:recv(R, 0, 1000) =:= {ok, {{127, 0, 0, 1}, SP, "l3"}}]),
    ok = inet:setopts(R, [{deliver, term}, {active, once}]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"term">>),
    timer:sleep(30),
    io:format("term: ~w~n", [[raw(R, SP, M) || M <- drain()]]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

raw(R, SP, {R, {data, <<F, P:16, A, B, C, D, Rest/binary>>}}) -> {data, F, P =:= SP, {A, B, C, D}, Rest};
raw(R, SP, {R, {data, [F, P1, P0, A, B, C, D | Rest]}}) -> {data, F, P1 * 256 + P0 =:= SP, {A, B, C, D}, Rest};
raw(R, SP, {udp, R, IP, SP, Data}) -> {udp, IP, Data};
raw(R, _, {udp_passive, R}) -> udp_passive;
raw(_, _, M) -> M.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
