%% send with a timeout to a peer that does not read: once the buffers are
%% full the send gives up with {error, {timeout, Rest}}, Rest being what
%% was not sent.
-module(send_timeout_full).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    Data = binary:copy(<<"x">>, 16 * 1024 * 1024),
    case socket:send(C, Data, 200) of
        {error, {timeout, Rest}} ->
            io:format("timeout, rest smaller: ~w ~w~n", [byte_size(Rest) > 0, byte_size(Rest) < byte_size(Data)]);
        Other ->
            io:format("~w~n", [Other])
    end,
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
