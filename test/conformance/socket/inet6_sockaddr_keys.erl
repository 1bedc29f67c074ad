%% An inet6 sockaddr map as peername gives it has flowinfo and scope_id
%% besides family, addr and port.
-module(inet6_sockaddr_keys).
-export([main/0]).

main() ->
    {ok, LS} = socket:open(inet6, stream, tcp),
    ok = socket:bind(LS, #{family => inet6, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{family := F, addr := A, port := Port}} = socket:sockname(LS),
    io:format("~w ~w~n", [F, A]),
    {ok, C} = socket:open(inet6, stream, tcp),
    ok = socket:connect(C, #{family => inet6, addr => {0, 0, 0, 0, 0, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    {ok, Peer} = socket:peername(S),
    io:format("~w~n", [maps:remove(port, Peer)]),
    ok = socket:send(C, <<"six">>),
    io:format("~w~n", [socket:recv(S, 3, 1000)]),
    io:format("inet6: ~w~n", [[lists:member(X, socket:which_sockets(inet6)) || X <- [LS, C, S]]]),
    io:format("inet: ~w~n", [[lists:member(X, socket:which_sockets(inet)) || X <- [LS, C, S]]]),
    io:format("wrong family: ~w~n", [socket:bind(C, #{family => inet, addr => loopback, port => 0})]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.
