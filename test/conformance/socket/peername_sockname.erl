%% sockname and peername of a connected pair are sockaddr maps that mirror
%% each other; a listening socket has no peer.
-module(peername_sockname).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    {ok, CName} = socket:sockname(C),
    {ok, CPeer} = socket:peername(C),
    {ok, SName} = socket:sockname(S),
    {ok, SPeer} = socket:peername(S),
    {ok, LName} = socket:sockname(LS),
    io:format("~w~n", [maps:remove(port, CName)]),
    io:format("~w~n", [maps:remove(port, SPeer)]),
    io:format("keys: ~w~n", [lists:sort(maps:keys(CName))]),
    io:format("mirror: ~w ~w~n", [CName =:= SPeer, SName =:= CPeer]),
    io:format("server port is listen port: ~w~n", [maps:get(port, SName) =:= maps:get(port, LName)]),
    io:format("client port differs: ~w~n", [maps:get(port, CName) =/= maps:get(port, LName)]),
    io:format("listen peer: ~w~n", [socket:peername(LS)]),
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
