%% inet:getstat/1,2: the counter names, and the octet and packet counts
%% after known traffic (one packet each way, with {packet, 2} headers
%% counted in the octets).
-module(getstat_counters).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {packet, 2}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    All = ok(inet:getstat(C)),
    io:format("names: ~w~n", [lists:sort([K || {K, _} <- All])]),
    io:format("fresh: ~w~n", [inet:getstat(C, [recv_oct, recv_cnt, send_oct, send_cnt])]),
    ok = gen_tcp:send(C, <<"hello">>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(S, <<"a reply">>),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("client: ~w~n", [inet:getstat(C, [send_oct, send_cnt, send_max, recv_oct, recv_cnt, recv_max, send_pend])]),
    io:format("server: ~w~n", [inet:getstat(S, [recv_oct, recv_cnt, recv_max, send_oct, send_cnt, send_max])]),
    io:format("empty: ~w~n", [inet:getstat(S, [])]),
    io:format("unknown: ~w~n", [inet:getstat(S, [recv_oct, bogus])]),
    ok = gen_tcp:close(C),
    io:format("closed: ~w~n", [inet:getstat(C, [recv_oct])]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
