%% An inet6 socket gets no recbuf from gen_udp, so its buffer stays at
%% inet_drv's default, 1460 bytes: a 3000-byte datagram over ::1 arrives cut
%% to 1460 bytes, in recv and in active messages. Asking for a recbuf raises
%% buffer as on inet. The IPv6 payload limit is 65527 bytes.
-module(udp_inet6_buffer).
-export([main/0]).

main() ->
    Loop = {0, 0, 0, 0, 0, 0, 0, 1},
    S = ok(gen_udp:open(0, [inet6, binary, {active, false}])),
    R = ok(gen_udp:open(0, [inet6, binary, {active, false}])),
    RP = ok(inet:port(R)),
    io:format("~w~n", [inet:getopts(R, [buffer])]),
    Data = binary:copy(<<"0123456789">>, 300),
    ok = gen_udp:send(S, Loop, RP, Data),
    {ok, {IP, _, D1}} = gen_udp:recv(R, 0, 1000),
    io:format("recv: ~w ~w ~w~n", [IP, byte_size(D1), D1 =:= binary:part(Data, 0, 1460)]),
    ok = inet:setopts(R, [{active, once}]),
    ok = gen_udp:send(S, Loop, RP, Data),
    receive {udp, R, IP, _, D2} -> io:format("active: ~w~n", [byte_size(D2)])
    after 1000 -> io:format("nothing~n")
    end,
    ok = inet:setopts(R, [{recbuf, 8192}]),
    io:format("~w~n", [inet:getopts(R, [buffer])]),
    ok = inet:setopts(R, [{active, once}]),
    ok = gen_udp:send(S, Loop, RP, Data),
    receive {udp, R, IP, _, D3} -> io:format("after recbuf 8192: ~w~n", [byte_size(D3)])
    after 1000 -> io:format("nothing~n")
    end,
    io:format("65527 bytes: ~w~n", [gen_udp:send(S, Loop, RP, binary:copy(<<"x">>, 65527))]),
    io:format("65528 bytes: ~w~n", [gen_udp:send(S, Loop, RP, binary:copy(<<"x">>, 65528))]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

ok({ok, X}) -> X.
