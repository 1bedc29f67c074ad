%% socket:accept(LS, Ref) with a ref of the caller's own: the select_info
%% and the select message carry that ref.
-module(accept_ref).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    Ref = make_ref(),
    {select, {select_info, accept, H} = SI} = socket:accept(LS, Ref),
    io:format("~w ~w ~w~n", [Ref, SI, H =:= Ref]),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    receive
        {'$socket', LS, select, Ref} = M -> io:format("~w~n", [M])
    after 1000 -> io:format("no select message~n")
    end,
    {ok, S} = socket:accept(LS, Ref),
    io:format("accepted: ~w~n", [S =/= LS]),
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
