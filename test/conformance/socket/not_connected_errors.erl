%% Calls that need a state the socket is not in: recv and peername on a
%% socket that is not connected, and accept on one that is not listening.
-module(not_connected_errors).
-export([main/0]).

main() ->
    {ok, U} = socket:open(inet, stream, tcp),
    io:format("recv ~w~n", [socket:recv(U, 0, 100)]),
    io:format("peername ~w~n", [socket:peername(U)]),
    io:format("accept ~w~n", [socket:accept(U, 100)]),
    ok = socket:bind(U, #{family => inet, addr => loopback, port => 0}),
    io:format("bound recv ~w~n", [socket:recv(U, 0, 100)]),
    io:format("bound accept ~w~n", [socket:accept(U, 100)]),
    {LS, C, S} = pair(),
    io:format("connected accept ~w~n", [socket:accept(S, 100)]),
    io:format("listen recv ~w~n", [socket:recv(LS, 0, 100)]),
    [ok = socket:close(X) || X <- [U, C, S, LS]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

pair() ->
    {LS, Port} = listener(),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    {LS, C, S}.
