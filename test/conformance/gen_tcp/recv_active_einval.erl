%% recv on a socket in an active mode is {error, einval}, whether the mode is
%% true, once or N; the data still arrives as a message.
-module(recv_active_einval).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("true: ~p~n", [gen_tcp:recv(S, 0)]),
    ok = inet:setopts(S, [{active, once}]),
    io:format("once: ~p~n", [gen_tcp:recv(S, 0, 100)]),
    ok = inet:setopts(S, [{active, 2}]),
    io:format("2: ~p~n", [gen_tcp:recv(S, 5)]),
    ok = gen_tcp:send(C, <<"data">>),
    receive
        {tcp, S, D} -> io:format("message: ~p~n", [D])
    after 1000 -> io:format("no data~n")
    end,
    ok = inet:setopts(S, [{active, false}]),
    ok = gen_tcp:send(C, <<"more">>),
    io:format("false: ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
