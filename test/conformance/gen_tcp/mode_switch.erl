%% list and binary mode: the last of list/binary/{mode, M} in an option list
%% wins, setopts switches an open socket, and accept inherits the listen
%% socket's mode.
-module(mode_switch).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, list, {active, false}])),
    io:format("listen: ~w~n", [inet:getopts(LS, [mode])]),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [list, {mode, binary}, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("accepted: ~w, connected: ~w~n", [inet:getopts(S, [mode]), inet:getopts(C, [mode])]),
    ok = gen_tcp:send(C, "one"),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [binary]),
    ok = gen_tcp:send(C, "two"),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{mode, list}]),
    ok = gen_tcp:send(C, "three"),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{active, once}, binary]),
    ok = gen_tcp:send(C, "four"),
    receive {tcp, S, D} -> io:format("~p~n", [D]) after 1000 -> io:format("no data~n") end,
    io:format("bad mode: ~w~n", [inet:setopts(S, [{mode, text}])]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
