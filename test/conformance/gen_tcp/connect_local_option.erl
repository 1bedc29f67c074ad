%% gen_tcp:connect({local, Path}, 0, [local | Opts]): OTP 25 accepts the
%% local option in connect's option list (erlts raises badarg); the rest as
%% local_socket.
-module(connect_local_option).
-export([main/0]).

main() ->
    Path = "/tmp/erlts_conformance_" ++ os:getpid() ++ ".sock",
    _ = file:delete(Path),
    LS = ok(gen_tcp:listen(0, [local, {ifaddr, {local, Path}}, binary, {active, false}])),
    {ok, {local, LPath}} = inet:sockname(LS),
    io:format("sockname is the path: ~w~n", [LPath =:= list_to_binary(Path)]),
    {ok, PortResult} = inet:port(LS),
    io:format("port is the path: ~w~n", [PortResult =:= list_to_binary(Path)]),
    C = ok(gen_tcp:connect({local, Path}, 0, [local, binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("peername of accepted: ~p~n", [inet:peername(S)]),
    io:format("sockname of client: ~p~n", [inet:sockname(C)]),
    ok = gen_tcp:send(C, <<"over a path">>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS),
    io:format("file left: ~w~n", [filelib:is_file(Path)]),
    _ = file:delete(Path),
    ok.

ok({ok, X}) -> X.
