%% Bytes already buffered in a passive socket are framed by the packet type
%% in force when they are read: raw bytes read as {packet, 1} packets, and
%% the rest of a {packet, 2} stream read raw.
-module(setopts_reframes_buffer).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<2, "ab", 1, "c">>),
    timer:sleep(30),
    ok = inet:setopts(S, [{packet, 1}]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{packet, 2}]),
    ok = gen_tcp:send(C, <<0, 2, "de", "rest of it">>),
    timer:sleep(30),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{packet, raw}]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(C, <<"one\ntwo\n">>),
    timer:sleep(30),
    ok = inet:setopts(S, [{packet, line}, {active, true}]),
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
