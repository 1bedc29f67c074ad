%% socket:recv(S, 0, Ref) with a ref of the caller's own: the select_info
%% and select message carry the ref; cancel with that select_info works.
-module(recv_ref).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    Ref = make_ref(),
    {select, SI} = socket:recv(S, 0, Ref),
    io:format("~w ~w~n", [Ref, SI]),
    ok = socket:send(C, <<"data">>),
    receive
        {'$socket', S, select, Ref} = M -> io:format("~w~n", [M])
    after 1000 -> io:format("no select message~n")
    end,
    io:format("~w~n", [socket:recv(S, 0, Ref)]),
    Ref2 = make_ref(),
    {select, SI2} = socket:recv(S, 0, Ref2),
    io:format("~w~n", [SI2]),
    io:format("cancel: ~w~n", [socket:cancel(S, SI2)]),
    ok = socket:send(C, <<"more">>),
    timer:sleep(30),
    io:format("mailbox: ~w~n", [drain()]),
    io:format("~w~n", [socket:recv(S, 0, 1000)]),
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
