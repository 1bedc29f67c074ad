%% A socket is linked to its owner: when the owner dies, normally or not,
%% the socket closes and the peer sees {tcp_closed, C}.
-module(owner_death_closes).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    Self = self(),
    Owner1 = spawn(fun() -> Self ! {accepted, gen_tcp:accept(LS)}, receive stop -> ok end end),
    C1 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}])),
    S1 = receive {accepted, {ok, A1}} -> A1 end,
    Owner1 ! stop,
    timer:sleep(50),
    io:format("normal exit: ~w~n", [drain()]),
    io:format("~w~n", [gen_tcp:send(S1, <<"x">>)]),
    Owner2 = spawn(fun() -> Self ! {accepted, gen_tcp:accept(LS)}, receive stop -> ok end end),
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}])),
    S2 = receive {accepted, {ok, A2}} -> A2 end,
    exit(Owner2, kill),
    timer:sleep(50),
    io:format("killed: ~w~n", [drain()]),
    io:format("~w~n", [inet:getopts(S2, [active])]),
    ok = gen_tcp:close(C1),
    ok = gen_tcp:close(C2),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
