%% Two processes calling recv on one passive socket at the same time: OTP 25
%% answers the second at once with {error, ealready} (one recv at a time).
-module(concurrent_recv_ealready).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {packet, 2}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    Self = self(),
    [begin
         spawn(fun() -> Self ! {reader, N, gen_tcp:recv(S, 0, 1000)} end),
         timer:sleep(20)
     end || N <- [1, 2]],
    ok = gen_tcp:send(C, <<"first">>),
    ok = gen_tcp:send(C, <<"second">>),
    [receive {reader, N, R} -> io:format("reader ~w: ~p~n", [N, R]) end || N <- [1, 2]],
    spawn(fun() -> Self ! {sender, gen_tcp:send(S, <<"from another process">>)} end),
    receive {sender, R2} -> io:format("send by another process: ~w~n", [R2]) end,
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
