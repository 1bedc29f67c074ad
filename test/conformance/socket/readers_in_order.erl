%% recv on one socket from several processes: the readers are served one
%% at a time, oldest first, each with its own length.
-module(readers_in_order).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    Self = self(),
    Reader = fun(N, Len) ->
        spawn(fun() -> Self ! {read, N, socket:recv(S, Len, 1000)} end),
        timer:sleep(15)
    end,
    Reader(1, 3),
    Reader(2, 2),
    Reader(3, 4),
    Reader(4, 0),
    ok = socket:send(C, <<"aaabbccccrest">>),
    [receive {read, N, R} -> io:format("~w ~w~n", [N, R]) end || _ <- [1, 2, 3, 4]],
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
