%% send with something that is not iodata (a byte out of range, a float, a
%% pid in a list) gives {error, einval}, and the socket stays usable.
-module(send_bad_iodata).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    [io:format("~w~n", [gen_tcp:send(C, Bad)]) || Bad <- [[256], [-1], 1.5, [self()], [<<"ok">>, [300]]]],
    ok = gen_tcp:send(C, <<"fine">>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
