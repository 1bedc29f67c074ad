%% setopts on a listen socket after listen changes what later accepted
%% sockets inherit; a setopts on an accepted socket does not touch the
%% listen socket.
-module(listen_setopts_inherited).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [list, {active, false}])),
    Port = ok(inet:port(LS)),
    ok = inet:setopts(LS, [binary, {packet, 2}, {active, once}, {nodelay, true}]),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("accepted: ~w~n", [inet:getopts(S, [mode, packet, active, nodelay])]),
    ok = inet:setopts(S, [list, {packet, 0}]),
    io:format("listen: ~w~n", [inet:getopts(LS, [mode, packet, active, nodelay])]),
    ok = gen_tcp:send(C, <<"hi">>),
    receive {tcp, S, D} -> io:format("~p~n", [D]) after 1000 -> io:format("no data~n") end,
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
