%% Closing a socket while another process waits in recv on it: the waiter
%% gets {error, closed}; likewise for a recv waiting with a timeout.
-module(close_wakes_recv).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    Self = self(),
    spawn(fun() -> Self ! {reader, gen_tcp:recv(S, 0)} end),
    timer:sleep(20),
    ok = gen_tcp:close(S),
    receive {reader, R1} -> io:format("waiting reader: ~w~n", [R1]) after 1000 -> io:format("no answer~n") end,
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S2 = ok(gen_tcp:accept(LS)),
    spawn(fun() -> Self ! {reader, gen_tcp:recv(S2, 5, 2000)} end),
    timer:sleep(20),
    ok = gen_tcp:send(C2, <<"ab">>),
    timer:sleep(20),
    ok = gen_tcp:close(S2),
    receive {reader, R2} -> io:format("reader with a timeout: ~w~n", [R2]) after 1000 -> io:format("no answer~n") end,
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(C2),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
