%% inet:getstat on UDP sockets: the counter names; one datagram is one
%% send_cnt / recv_cnt, the octets are the payload bytes (no headers), empty
%% datagrams count, and recv_oct counts what was kept after truncation to
%% buffer. A send the kernel refuses (emsgsize, port 0) still counts: inet_drv
%% counts before sending; a packet that is not iodata does not. recv_avg is
%% a running mean, recv_dvi inet_drv's running signed deviation
%% (dvi += ((len - avg) - dvi) / n) printed as its magnitude: 0 for 10, 0, 10.
-module(udp_getstat_counters).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, false}, {buffer, 4}])),
    RP = ok(inet:port(R)),
    All = ok(inet:getstat(S)),
    io:format("names: ~w~n", [lists:sort([K || {K, _} <- All])]),
    io:format("fresh: ~w~n", [All]),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, D) || D <- [<<"hello">>, <<"hi">>, <<>>]],
    [{ok, _} = gen_udp:recv(R, 0, 1000) || _ <- [1, 2, 3]],
    io:format("sender: ~w~n", [inet:getstat(S, [send_oct, send_cnt, send_max, send_avg, send_pend])]),
    io:format("receiver: ~w~n", [inet:getstat(R, [recv_oct, recv_cnt, recv_max, recv_avg, recv_dvi])]),
    io:format("emsgsize: ~w~n", [gen_udp:send(S, {127, 0, 0, 1}, RP, binary:copy(<<0>>, 65508))]),
    io:format("port 0: ~w~n", [gen_udp:send(S, {127, 0, 0, 1}, 0, <<"abc">>)]),
    io:format("not iodata: ~w~n", [gen_udp:send(S, {127, 0, 0, 1}, RP, [256])]),
    io:format("sender: ~w~n", [inet:getstat(S, [send_oct, send_cnt, send_max])]),
    io:format("empty: ~w~n", [inet:getstat(S, [])]),
    io:format("unknown: ~w ~w~n", [inet:getstat(S, [bogus]), inet:getstat(S, [recv_cnt, bogus])]),
    io:format("twice: ~w~n", [inet:getstat(R, [recv_cnt, recv_cnt])]),
    R2 = ok(gen_udp:open(0, [binary, {active, false}])),
    RP2 = ok(inet:port(R2)),
    [begin
         ok = gen_udp:send(S, {127, 0, 0, 1}, RP2, binary:copy(<<"x">>, N)),
         {ok, _} = gen_udp:recv(R2, 0, 1000)
     end || N <- [10, 0, 10]],
    io:format("10, 0, 10: ~w~n", [inet:getstat(R2, [recv_avg, recv_dvi])]),
    ok = gen_udp:close(R2),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

ok({ok, X}) -> X.
