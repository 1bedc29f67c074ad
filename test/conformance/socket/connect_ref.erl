%% connect(S, Addr, Ref) with a ref of the caller's own: the select_info
%% and the select message carry it, and connect/1 completes.
-module(connect_ref).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    {ok, C} = socket:open(inet, stream, tcp),
    Ref = make_ref(),
    case socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}, Ref) of
        {select, SI} ->
            io:format("~w ~w~n", [Ref, SI]),
            receive
                {'$socket', C, select, Ref} = M -> io:format("~w~n", [M])
            after 1000 -> io:format("no select message~n")
            end,
            io:format("connect/1: ~w~n", [socket:connect(C)]);
        Other ->
            io:format("at once: ~w~n", [Other])
    end,
    {ok, S} = socket:accept(LS, 1000),
    {ok, #{port := CPort}} = socket:sockname(C),
    {ok, #{port := SPeerPort}} = socket:peername(S),
    io:format("same connection: ~w~n", [CPort =:= SPeerPort]),
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
