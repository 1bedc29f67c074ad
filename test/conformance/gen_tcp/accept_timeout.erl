%% accept with a timeout: {error, timeout} when nobody connects, and the
%% listen socket still accepts afterwards; a timeout of 0 polls.
-module(accept_timeout).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    io:format("~w~n", [gen_tcp:accept(LS, 50)]),
    io:format("~w~n", [gen_tcp:accept(LS, 0)]),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    {ok, S} = gen_tcp:accept(LS, 1000),
    io:format("accepted: ~w~n", [is_port(S)]),
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    timer:sleep(30),
    {ok, S2} = gen_tcp:accept(LS, 0),
    io:format("accepted with 0: ~w~n", [is_port(S2)]),
    io:format("mailbox: ~w~n", [drain()]),
    [ok = gen_tcp:close(X) || X <- [C, S, C2, S2, LS]],
    ok.

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
