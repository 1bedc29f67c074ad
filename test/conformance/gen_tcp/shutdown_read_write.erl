%% shutdown(S, read_write): the peer sees the connection closed, the
%% socket stays open (its buffered input can still be read) but cannot
%% send; shutdown(S, read) alone lets both directions carry on, as Linux
%% does.
-module(shutdown_read_write).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"buffered">>),
    timer:sleep(20),
    io:format("shutdown read_write: ~w~n", [gen_tcp:shutdown(S, read_write)]),
    io:format("peer: ~w~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("recv: ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("send: ~w~n", [gen_tcp:send(S, <<"q">>)]),
    io:format("bad how: ~w~n", [element(1, catch gen_tcp:shutdown(S, both))]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S2 = ok(gen_tcp:accept(LS)),
    io:format("shutdown read: ~w~n", [gen_tcp:shutdown(S2, read)]),
    ok = gen_tcp:send(S2, <<"out">>),
    io:format("peer: ~p~n", [gen_tcp:recv(C2, 0, 1000)]),
    ok = gen_tcp:close(C2),
    ok = gen_tcp:close(S2),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
