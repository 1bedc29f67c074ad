%% socket:shutdown(S, write): the peer reads what was sent, then closed,
%% while the other direction still works; shutdown read_write, and an
%% unconnected shutdown.
-module(shutdown_half_close).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    ok = socket:send(C, <<"last">>),
    io:format("~w~n", [socket:shutdown(C, write)]),
    io:format("~w~n", [socket:recv(S, 0, 1000)]),
    io:format("~w~n", [socket:recv(S, 0, 1000)]),
    io:format("~w~n", [socket:send(C, <<"more">>)]),
    ok = socket:send(S, <<"reply">>),
    io:format("~w~n", [socket:recv(C, 5, 1000)]),
    io:format("~w~n", [socket:shutdown(S, read_write)]),
    io:format("~w~n", [socket:recv(C, 0, 1000)]),
    {ok, U} = socket:open(inet, stream, tcp),
    io:format("unconnected: ~w~n", [socket:shutdown(U, read)]),
    [ok = socket:close(X) || X <- [C, S, LS, U]],
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
