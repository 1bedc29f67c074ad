%% connect errors: refused by a port nobody listens on, then a fresh
%% socket connects elsewhere with a timeout that is long enough.
-module(connect_errors).
-export([main/0]).

main() ->
    {ok, T} = socket:open(inet, stream, tcp),
    ok = socket:bind(T, #{family => inet, addr => loopback, port => 0}),
    {ok, #{port := Dead}} = socket:sockname(T),
    ok = socket:close(T),
    {ok, C} = socket:open(inet, stream, tcp),
    io:format("refused: ~w~n", [socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Dead}, 1000)]),
    {ok, C1} = socket:open(inet, stream, tcp),
    io:format("refused: ~w~n", [socket:connect(C1, #{family => inet, addr => {127, 0, 0, 1}, port => Dead})]),
    {LS, Port} = listener(),
    {ok, C2} = socket:open(inet, stream, tcp),
    io:format("timeout 1000: ~w~n", [socket:connect(C2, #{family => inet, addr => {127, 0, 0, 1}, port => Port}, 1000)]),
    {ok, S} = socket:accept(LS, 1000),
    ok = socket:send(S, <<"hi">>),
    io:format("~w~n", [socket:recv(C2, 2, 1000)]),
    [ok = socket:close(X) || X <- [C, C1, C2, S, LS]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.
