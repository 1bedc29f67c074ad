%% recv/3 timeouts: 0 polls ({error, timeout} when nothing is there, the
%% datagram when one is); a negative, non-integer or too large (>= 2^32-1)
%% timeout is {error, einval}; infinity waits. After an {active, once}
%% delivery, recv with timeout 0 still sees later datagrams (OTP-16059).
%% From gen_udp_SUITE:recv_poll_after_active_once.
-module(udp_recv_timeouts).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    SP = ok(inet:port(S)),
    io:format("poll empty: ~w~n", [gen_udp:recv(R, 0, 0)]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"x">>),
    timer:sleep(20),
    io:format("poll: ~p~n", [data(gen_udp:recv(R, 0, 0))]),
    io:format("timeout 30: ~w~n", [gen_udp:recv(R, 0, 30)]),
    io:format("bad timeouts: ~w ~w ~w ~w~n",
              [gen_udp:recv(R, 0, -1), gen_udp:recv(R, 0, 1.5), gen_udp:recv(R, 0, foo),
               gen_udp:recv(R, 0, 16#ffffffff)]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"y">>),
    io:format("infinity: ~p~n", [data(gen_udp:recv(R, 0, infinity))]),
    ok = inet:setopts(R, [{active, once}]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"Hej!">>),
    receive
        {udp, R, {127, 0, 0, 1}, SP, Msg1} ->
            io:format("once: ~p~n", [Msg1]),
            io:format("poll after once: ~w~n", [gen_udp:recv(R, 0, 0)]),
            ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"Hej igen!">>),
            timer:sleep(30),
            io:format("poll again: ~p~n", [data(gen_udp:recv(R, 0, 0))])
    after 1000 -> io:format("nothing~n")
    end,
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

data({ok, {{127, 0, 0, 1}, Port, Data}}) when is_integer(Port) -> Data;
data(Other) -> Other.

ok({ok, X}) -> X.
