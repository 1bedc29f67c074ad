%% A stream socket in the local (Unix) domain: bind to a path, listen,
%% connect, exchange bytes; sockname gives the path back.
-module(local_stream).
-export([main/0]).

main() ->
    Path = list_to_binary("/tmp/erlts_conf_local_" ++ os:getpid() ++ ".sock"),
    file:delete(Path),
    {ok, LS} = socket:open(local, stream, default),
    io:format("~w~n", [socket:bind(LS, #{family => local, path => Path})]),
    ok = socket:listen(LS),
    {ok, #{family := F, path := P}} = socket:sockname(LS),
    io:format("~w ~w ~w~n", [F, is_binary(P), P =:= Path]),
    {ok, C} = socket:open(local, stream, default),
    io:format("~w~n", [socket:connect(C, #{family => local, path => Path})]),
    {ok, S} = socket:accept(LS, 1000),
    ok = socket:send(C, <<"unix">>),
    io:format("~w~n", [socket:recv(S, 4, 1000)]),
    ok = socket:send(S, <<"back">>),
    io:format("~w~n", [socket:recv(C, 4, 1000)]),
    io:format("local: ~w~n", [[lists:member(X, socket:which_sockets(local)) || X <- [LS, C, S]]]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    file:delete(Path),
    ok.
