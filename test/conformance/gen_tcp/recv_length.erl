%% recv(S, Length) in raw mode returns exactly Length bytes, waiting for
%% more if needed; recv(S, 0) returns all that is buffered.
-module(recv_length).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"abcdefgh">>),
    io:format("~p~n", [gen_tcp:recv(S, 3, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 2, 1000)]),
    Self = self(),
    spawn(fun() -> timer:sleep(30), ok = gen_tcp:send(C, <<"ijk">>), Self ! sent end),
    io:format("~p~n", [gen_tcp:recv(S, 5, 1000)]),
    receive sent -> ok end,
    timer:sleep(20),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(C, <<"lmn">>),
    io:format("~p~n", [gen_tcp:recv(S, 4, 100)]),
    io:format("~p~n", [gen_tcp:recv(S, 3, 100)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
