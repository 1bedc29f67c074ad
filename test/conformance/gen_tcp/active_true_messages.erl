%% An active socket delivers {tcp, S, Data} to its owner, and {tcp_closed, S}
%% once the peer closes; nothing else is left in the mailbox.
-module(active_true_messages).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("active: ~w~n", [inet:getopts(S, [active])]),
    ok = gen_tcp:send(C, <<"hello">>),
    receive
        {tcp, S, D} -> io:format("tcp: ~p~n", [D])
    after 1000 -> io:format("no data~n")
    end,
    ok = gen_tcp:close(C),
    receive
        {tcp_closed, S} = M -> io:format("~w~n", [M])
    after 1000 -> io:format("no tcp_closed~n")
    end,
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
