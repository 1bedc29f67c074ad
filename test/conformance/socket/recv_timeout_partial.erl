%% socket:recv with a timeout: {error, timeout} when nothing came, and
%% {error, {timeout, Data}} with the bytes read so far when some came but
%% fewer than asked; those bytes are not read again.
-module(recv_timeout_partial).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    io:format("~w~n", [socket:recv(S, 0, 30)]),
    io:format("~w~n", [socket:recv(S, 4, 0)]),
    ok = socket:send(C, <<"abc">>),
    timer:sleep(20),
    io:format("~w~n", [socket:recv(S, 10, 50)]),
    io:format("~w~n", [socket:recv(S, 0, 0)]),
    ok = socket:send(C, <<"defg">>),
    timer:sleep(20),
    io:format("~w~n", [socket:recv(S, 2, 50)]),
    io:format("~w~n", [socket:recv(S, 5, 50)]),
    ok = socket:send(C, <<"hi">>),
    io:format("~w~n", [socket:recv(S, 2, 1000)]),
    [ok = socket:close(X) || X <- [C, S, LS]],
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
