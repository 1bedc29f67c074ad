%% The peer closes: data sent before the close is read first, then recv
%% says closed, and says it again when called again; a nowait recv waiting
%% when the peer closes gets a select message and then closed.
-module(peer_close_recv).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    {select, {select_info, recv, H}} = socket:recv(S, 0, nowait),
    ok = socket:send(C, <<"bye">>),
    receive
        {'$socket', S, select, H} -> io:format("select~n")
    after 1000 -> io:format("no select message~n")
    end,
    io:format("~w~n", [socket:recv(S, 0, nowait)]),
    {select, {select_info, recv, H2}} = socket:recv(S, 0, nowait),
    ok = socket:close(C),
    receive
        {'$socket', S, select, H2} -> io:format("select~n")
    after 1000 -> io:format("no select message~n")
    end,
    io:format("~w~n", [socket:recv(S, 0, nowait)]),
    io:format("~w~n", [socket:recv(S, 0, 100)]),
    io:format("mailbox: ~w~n", [drain()]),
    [ok = socket:close(X) || X <- [S, LS]],
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
