%% socket:accept(LS, nowait): a select_info when nobody waits, a select
%% message when a connection comes, and accept again takes it; a nowait
%% accept with a connection already queued completes at once.
-module(accept_nowait).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    {select, {select_info, Tag, H} = SI} = socket:accept(LS, nowait),
    io:format("~w ~w ~w~n", [SI, Tag, is_reference(H)]),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    receive
        {'$socket', LS, select, H} = M -> io:format("~w~n", [M])
    after 1000 -> io:format("no select message~n")
    end,
    {ok, S} = socket:accept(LS, nowait),
    io:format("accepted: ~w~n", [S =/= LS]),
    {ok, C2} = socket:open(inet, stream, tcp),
    ok = socket:connect(C2, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    timer:sleep(30),
    {ok, S2} = socket:accept(LS, nowait),
    io:format("queued: ~w~n", [S2 =/= S]),
    ok = socket:send(C, <<"one">>),
    ok = socket:send(C2, <<"two">>),
    io:format("~w ~w~n", [socket:recv(S, 3, 1000), socket:recv(S2, 3, 1000)]),
    io:format("mailbox: ~w~n", [drain()]),
    [ok = socket:close(X) || X <- [C, S, C2, S2, LS]],
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
