%% Switching between active and passive while data flows: data that
%% arrived while passive waits for recv or for the next active mode; a
%% switch to active delivers what is buffered at once.
-module(active_toggle).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [list, {active, true}, {packet, 2}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [list, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, "a"),
    timer:sleep(30),
    ok = inet:setopts(S, [{active, false}]),
    ok = gen_tcp:send(C, "b"),
    ok = gen_tcp:send(C, "c"),
    ok = gen_tcp:send(C, "d"),
    timer:sleep(30),
    io:format("mailbox: ~w~n", [drain()]),
    io:format("recv: ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{active, true}]),
    timer:sleep(30),
    io:format("mailbox: ~w~n", [drain()]),
    ok = inet:setopts(S, [{active, false}]),
    ok = gen_tcp:send(C, "e"),
    timer:sleep(30),
    ok = inet:setopts(S, [{active, 1}]),
    timer:sleep(30),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
