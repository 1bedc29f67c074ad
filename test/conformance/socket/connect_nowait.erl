%% socket:connect(S, Addr, nowait): a select_info, then a select message
%% when the connection is made, then connect/1 completes it; the socket is
%% then connected both ways.
-module(connect_nowait).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    {ok, C} = socket:open(inet, stream, tcp),
    case socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}, nowait) of
        {select, {select_info, Tag, H} = SI} ->
            io:format("select ~w ~w~n", [SI, Tag]),
            receive
                {'$socket', C, select, H} = M -> io:format("~w~n", [M])
            after 1000 -> io:format("no select message~n")
            end,
            io:format("connect/1: ~w~n", [socket:connect(C)]);
        Other ->
            io:format("at once: ~w~n", [Other])
    end,
    {ok, S} = socket:accept(LS, 1000),
    ok = socket:send(C, <<"ping">>),
    io:format("~w~n", [socket:recv(S, 4, 1000)]),
    ok = socket:send(S, <<"pong">>),
    io:format("~w~n", [socket:recv(C, 4, 1000)]),
    io:format("mailbox: ~w~n", [drain()]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
