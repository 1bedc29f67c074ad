%% recv on a socket in {active, true}, once or N is {error, einval}, at once,
%% whether a datagram waits or not; the datagram is still delivered as a
%% message. Once passive, recv works.
-module(udp_recv_active_einval).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, true}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    io:format("active true: ~w~n", [gen_udp:recv(R, 0, 10)]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"act">>),
    timer:sleep(20),
    io:format("with a datagram: ~w~n", [gen_udp:recv(R, 0, 10)]),
    io:format("mailbox: ~p~n", [[D || {udp, R1, {127, 0, 0, 1}, _, D} <- drain(), R1 =:= R]]),
    ok = inet:setopts(R, [{active, once}]),
    io:format("active once: ~w~n", [gen_udp:recv(R, 0, 10)]),
    ok = inet:setopts(R, [{active, 3}]),
    io:format("active 3: ~w~n", [gen_udp:recv(R, 0)]),
    ok = inet:setopts(R, [{active, false}]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"pas">>),
    {ok, {_, _, D}} = gen_udp:recv(R, 0, 1000),
    io:format("passive: ~p~n", [D]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
