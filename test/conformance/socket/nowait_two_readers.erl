%% Two processes recv nowait on one socket: both get a select_info; when
%% data comes the first gets the select message and reads it; the second
%% gets its select message when more data comes after that.
-module(nowait_two_readers).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    Self = self(),
    Reader = fun(N) ->
        spawn(fun() ->
            {select, {select_info, recv, H}} = socket:recv(S, 0, nowait),
            Self ! {waiting, N},
            receive
                {'$socket', S, select, H} -> Self ! {selected, N, socket:recv(S, 0, nowait)}
            after 500 -> Self ! {no_select, N}
            end
        end),
        receive {waiting, N} -> ok end
    end,
    Reader(1),
    Reader(2),
    ok = socket:send(C, <<"first">>),
    receive M1 -> io:format("~w~n", [M1]) end,
    timer:sleep(30),
    ok = socket:send(C, <<"second">>),
    receive M2 -> io:format("~w~n", [M2]) end,
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
