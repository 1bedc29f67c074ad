%% What a listen socket answers to the calls of a connected one: send and
%% recv say enotconn, peername enotconn, shutdown enotconn; sockname and
%% port work, and the address is the one asked for with {ip, IP}.
-module(listen_socket_calls).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {ip, {127, 0, 0, 1}}])),
    Port = ok(inet:port(LS)),
    {ok, {Addr, Port2}} = inet:sockname(LS),
    io:format("sockname: ~w, same port: ~w~n", [Addr, Port2 =:= Port]),
    io:format("peername: ~w~n", [inet:peername(LS)]),
    io:format("send: ~w~n", [gen_tcp:send(LS, <<"x">>)]),
    io:format("recv: ~w~n", [gen_tcp:recv(LS, 0, 100)]),
    io:format("shutdown: ~w~n", [gen_tcp:shutdown(LS, write)]),
    io:format("nonzero port: ~w~n", [Port > 0]),
    LS2 = ok(gen_tcp:listen(0, [])),
    {ok, {Any, _}} = inet:sockname(LS2),
    io:format("no ip: ~w~n", [Any]),
    ok = gen_tcp:close(LS2),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
