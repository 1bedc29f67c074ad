%% Message flags: peek leaves the data to be read again; nosignal and more
%% send as usual (more's data leaves with the next send); an unknown flag
%% is {error, {invalid, {msg_flag, F}}}; integer 0 is no flag.
-module(msg_flags).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    ok = socket:send(C, <<"peek">>, [nosignal]),
    io:format("~w~n", [socket:recv(S, 4, [peek], 1000)]),
    io:format("~w~n", [socket:recv(S, 0, [peek], 1000)]),
    io:format("~w~n", [socket:recv(S, 2, [], 1000)]),
    io:format("~w~n", [socket:recv(S, 0, [0], 1000)]),
    io:format("~w~n", [socket:recv(S, 0, [foo], 100)]),
    io:format("~w~n", [socket:send(C, <<"x">>, [foo])]),
    io:format("~w~n", [socket:send(C, <<"ab">>, [more])]),
    io:format("~w~n", [socket:send(C, <<"cd">>, [nosignal], 1000)]),
    io:format("~w~n", [socket:recv(S, 4, 1000)]),
    io:format("~w~n", [socket:recv(S, [peek], 50)]),
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
