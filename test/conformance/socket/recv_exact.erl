%% socket:recv reads exactly the length asked, waiting for more when less
%% is there; length 0 reads what is there; send takes iodata.
-module(recv_exact).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    ok = socket:send(C, <<"hello world">>),
    io:format("~w~n", [socket:recv(S, 5, 1000)]),
    timer:sleep(20),
    io:format("~w~n", [socket:recv(S, 0, 1000)]),
    Self = self(),
    spawn(fun() ->
        timer:sleep(30),
        ok = socket:send(C, <<"ab">>),
        timer:sleep(30),
        ok = socket:send(C, [<<"cd">>, "ef"]),
        Self ! sent
    end),
    io:format("~w~n", [socket:recv(S, 6, 1000)]),
    receive sent -> ok end,
    ok = socket:send(S, [<<"x">>, [<<"yz">>, "w"]]),
    io:format("~w~n", [socket:recv(C, 4)]),
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
