%% socket:recv(S, N, nowait): data already there comes at once; otherwise
%% a select_info, a select message when data comes, and recv again reads
%% it (the same length as asked the first time).
-module(recv_nowait).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    ok = socket:send(C, <<"now">>),
    timer:sleep(20),
    io:format("~w~n", [socket:recv(S, 0, nowait)]),
    {select, {select_info, Tag, H} = SI} = socket:recv(S, 0, nowait),
    io:format("~w ~w~n", [SI, Tag]),
    io:format("mailbox: ~w~n", [drain()]),
    ok = socket:send(C, <<"later">>),
    receive
        {'$socket', S, select, H} = M -> io:format("~w~n", [M])
    after 1000 -> io:format("no select message~n")
    end,
    io:format("~w~n", [socket:recv(S, 0, nowait)]),
    {select, {select_info, _, H2}} = socket:recv(S, 4, nowait),
    ok = socket:send(C, <<"abcdef">>),
    receive
        {'$socket', S, select, H2} -> io:format("select 2~n")
    after 1000 -> io:format("no select message~n")
    end,
    io:format("~w~n", [socket:recv(S, 4, nowait)]),
    io:format("~w~n", [socket:recv(S, 0, nowait)]),
    io:format("mailbox: ~w~n", [drain()]),
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

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
