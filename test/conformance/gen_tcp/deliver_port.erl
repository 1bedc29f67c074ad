%% {deliver, port} makes an active socket deliver port-style messages,
%% {S, {data, Data}}, instead of {tcp, S, Data}; {deliver, term} restores
%% the usual form.
-module(deliver_port).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = inet:setopts(S, [{deliver, port}]),
    io:format("~w~n", [inet:getopts(S, [deliver])]),
    ok = gen_tcp:send(C, <<"as port">>),
    timer:sleep(30),
    io:format("~w~n", [drain()]),
    ok = inet:setopts(S, [{deliver, term}]),
    ok = gen_tcp:send(C, <<"as term">>),
    timer:sleep(30),
    io:format("~w~n", [drain()]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
