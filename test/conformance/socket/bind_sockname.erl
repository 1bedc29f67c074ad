%% bind to loopback port 0, sockname gives the address and a real port,
%% which listen keeps; binding twice is einval, the same port again is
%% eaddrinuse, and bind/2 takes the atoms any and loopback.
-module(bind_sockname).
-export([main/0]).

main() ->
    {ok, S} = socket:open(inet, stream, tcp),
    io:format("~w~n", [socket:bind(S, #{family => inet, addr => loopback, port => 0})]),
    {ok, #{family := F, addr := A, port := P}} = socket:sockname(S),
    io:format("bound: ~w ~w ~w~n", [F, A, P > 0]),
    io:format("again: ~w~n", [socket:bind(S, #{family => inet, addr => loopback, port => 0})]),
    ok = socket:listen(S),
    {ok, #{port := P2}} = socket:sockname(S),
    io:format("same port after listen: ~w~n", [P2 =:= P]),
    {ok, S2} = socket:open(inet, stream, tcp),
    io:format("in use: ~w~n", [socket:bind(S2, #{family => inet, addr => {127, 0, 0, 1}, port => P})]),
    io:format("any: ~w~n", [socket:bind(S2, any)]),
    {ok, #{addr := A2, port := P3}} = socket:sockname(S2),
    io:format("~w ~w~n", [A2, P3 > 0]),
    {ok, S3} = socket:open(inet, stream, tcp),
    io:format("loopback: ~w~n", [socket:bind(S3, loopback)]),
    {ok, #{addr := A3}} = socket:sockname(S3),
    io:format("~w~n", [A3]),
    [ok = socket:close(X) || X <- [S, S2, S3]],
    ok.
