%% Any process may recv on and send to a passive socket, not only its owner.
-module(recv_by_non_owner).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {packet, 2}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    Self = self(),
    spawn(fun() -> Self ! {reader, gen_tcp:recv(S, 0, 1000)} end),
    timer:sleep(20),
    ok = gen_tcp:send(C, <<"first">>),
    receive {reader, R} -> io:format("reader: ~p~n", [R]) end,
    spawn(fun() -> Self ! {sender, gen_tcp:send(S, <<"from another process">>)} end),
    receive {sender, R2} -> io:format("send by another process: ~w~n", [R2]) end,
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    spawn(fun() -> Self ! {timed_out, gen_tcp:recv(S, 0, 30)} end),
    receive {timed_out, R3} -> io:format("reader with a timeout: ~p~n", [R3]) end,
    ok = gen_tcp:send(C, <<"second">>),
    io:format("owner: ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
