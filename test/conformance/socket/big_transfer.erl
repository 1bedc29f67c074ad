%% A transfer larger than the socket buffers: a sender process writes
%% 1 MB in one send while the reader takes it in exact 64 KB pieces; the
%% send completes and every byte arrives in order.
-module(big_transfer).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    Data = list_to_binary([X rem 251 || X <- lists:seq(1, 1024 * 1024)]),
    Self = self(),
    spawn(fun() -> Self ! {sent, socket:send(C, Data)} end),
    Got = read(S, 16, []),
    receive {sent, R} -> io:format("send: ~w~n", [R]) end,
    io:format("~w ~w~n", [byte_size(Got), Got =:= Data]),
    io:format("~w~n", [socket:recv(S, 0, 20)]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.

read(_, 0, Acc) -> iolist_to_binary(lists:reverse(Acc));
read(S, N, Acc) ->
    {ok, B} = socket:recv(S, 65536, 2000),
    read(S, N - 1, [B | Acc]).

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
