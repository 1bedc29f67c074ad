%% Two processes accept nowait on one listen socket: a connection wakes
%% the first with a select message and it accepts; the second is woken by
%% the next connection.
-module(accept_nowait_two).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    Self = self(),
    Acceptor = fun(N) ->
        spawn(fun() ->
            {select, {select_info, accept, H}} = socket:accept(LS, nowait),
            Self ! {waiting, N},
            receive
                {'$socket', LS, select, H} ->
                    {ok, S} = socket:accept(LS, nowait),
                    Self ! {accepted, N},
                    ok = socket:close(S)
            after 500 -> Self ! {no_select, N}
            end
        end),
        receive {waiting, N} -> ok end
    end,
    Acceptor(1),
    Acceptor(2),
    Connect = fun() ->
        {ok, C} = socket:open(inet, stream, tcp),
        ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
        C
    end,
    C1 = Connect(),
    receive M1 -> io:format("~w~n", [M1]) end,
    C2 = Connect(),
    receive M2 -> io:format("~w~n", [M2]) end,
    [ok = socket:close(X) || X <- [C1, C2, LS]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.
