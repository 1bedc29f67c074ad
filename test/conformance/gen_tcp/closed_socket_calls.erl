%% Every call on a socket closed by its owner: send, recv, accept,
%% shutdown and controlling_process say closed, the inet functions einval,
%% and close again is ok. From gen_tcp_misc_SUITE:closed_socket.
-module(closed_socket_calls).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS),
    io:format("send: ~w~n", [gen_tcp:send(C, "data")]),
    io:format("recv: ~w~n", [gen_tcp:recv(C, 0)]),
    io:format("recv 17 on listen: ~w~n", [gen_tcp:recv(LS, 17)]),
    io:format("send on listen: ~w~n", [gen_tcp:send(LS, "data")]),
    io:format("accept: ~w~n", [gen_tcp:accept(LS)]),
    io:format("shutdown: ~w~n", [gen_tcp:shutdown(C, write)]),
    io:format("controlling_process: ~w~n", [gen_tcp:controlling_process(C, self())]),
    io:format("sockname: ~w~n", [inet:sockname(C)]),
    io:format("peername: ~w~n", [inet:peername(C)]),
    io:format("port: ~w~n", [inet:port(C)]),
    io:format("listen sockname: ~w~n", [inet:sockname(LS)]),
    io:format("listen port: ~w~n", [inet:port(LS)]),
    io:format("close: ~w ~w~n", [gen_tcp:close(C), gen_tcp:close(LS)]),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(S).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
