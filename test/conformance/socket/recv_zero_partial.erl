%% recv with timeout 0 polls; with fewer bytes there than asked OTP 25
%% returns {ok, Data} with what is there.
-module(recv_zero_partial).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    ok = socket:send(C, <<"abcdef">>),
    timer:sleep(20),
    io:format("~w~n", [socket:recv(S, 3, 0)]),
    io:format("~w~n", [socket:recv(S, 0, 0)]),
    io:format("~w~n", [socket:recv(S, 0, 0)]),
    ok = socket:send(C, <<"gh">>),
    timer:sleep(20),
    io:format("~w~n", [socket:recv(S, 3, 0)]),
    {ok, #{port := Port}} = socket:sockname(LS),
    {ok, C2} = socket:open(inet, stream, tcp),
    ok = socket:connect(C2, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    timer:sleep(20),
    {ok, S2} = socket:accept(LS, 0),
    io:format("accepted: ~w~n", [S2 =/= S]),
    [ok = socket:close(X) || X <- [C, S, C2, S2, LS]],
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
