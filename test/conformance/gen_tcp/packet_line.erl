%% {packet, line}: each recv or message is one line, newline included,
%% however the bytes were split; line_delimiter picks another byte.
-module(packet_line).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [list, {active, false}, {packet, line}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, "first\nsecond\nthi"),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 50)]),
    ok = gen_tcp:send(C, "rd\n\n"),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{line_delimiter, $;}, binary]),
    io:format("~w~n", [inet:getopts(S, [packet, line_delimiter])]),
    ok = gen_tcp:send(C, "a;b\nc;"),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{line_delimiter, $\n}, {active, true}]),
    ok = gen_tcp:send(C, "x\ny\n"),
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
