%% Many small packets to an active socket arrive complete and in order;
%% the sender is not slowed down by the receiver's mailbox.
-module(active_flood_order).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}, {packet, 2}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    N = 2000,
    [ok = gen_tcp:send(C, <<I:32>>) || I <- lists:seq(1, N)],
    Got = collect(S, N, []),
    io:format("received ~w, in order: ~w~n", [length(Got), Got =:= lists:seq(1, N)]),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

collect(_, 0, Acc) -> lists:reverse(Acc);
collect(S, K, Acc) ->
    receive {tcp, S, <<I:32>>} -> collect(S, K - 1, [I | Acc])
    after 2000 -> lists:reverse(Acc)
    end.

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
