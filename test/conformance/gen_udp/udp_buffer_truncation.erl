%% {buffer, N} is the most a socket keeps of one datagram: a longer one is cut
%% to its first N bytes, in recv as in active messages, and the rest is lost
%% (no error, no second part). buffer 0 reads back as 1 (the minimum) and
%% keeps one byte. recv_oct counts the bytes kept. From
%% gen_udp_SUITE:buffer_size.
-module(udp_buffer_truncation).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, false}, {buffer, 4}])),
    RP = ok(inet:port(R)),
    io:format("~w~n", [inet:getopts(R, [buffer])]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"0123456789">>),
    io:format("recv: ~p~n", [element(3, ok(gen_udp:recv(R, 0, 1000)))]),
    io:format("rest: ~w~n", [gen_udp:recv(R, 0, 30)]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"abc">>),
    io:format("shorter: ~p~n", [element(3, ok(gen_udp:recv(R, 0, 1000)))]),
    ok = inet:setopts(R, [{active, true}, list]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"abcdefgh">>),
    timer:sleep(30),
    io:format("active, list: ~p~n", [[D || {udp, _, _, _, D} <- drain()]]),
    ok = inet:setopts(R, [{buffer, 0}, binary]),
    io:format("~w~n", [inet:getopts(R, [buffer])]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"abcdefgh">>),
    timer:sleep(30),
    io:format("buffer 0: ~p~n", [[D || {udp, _, _, _, D} <- drain()]]),
    io:format("~w~n", [inet:getstat(R, [recv_cnt, recv_oct, recv_max])]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
