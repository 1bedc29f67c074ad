%% A large send followed at once by close: close waits for the pending
%% output, so the reader gets every byte before {error, closed}. From
%% gen_tcp_misc_SUITE:data_before_close and otp_3924.
-module(data_before_close).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    Self = self(),
    Bytes = 512 * 1024,
    Data = list_to_binary([X rem 256 || X <- lists:seq(1, Bytes)]),
    spawn(fun() ->
                  C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary])),
                  ok = gen_tcp:send(C, Data),
                  Self ! {closed, gen_tcp:close(C)}
          end),
    S = ok(gen_tcp:accept(LS)),
    {Total, Chunks, End} = count_bytes(S, <<>>, 0),
    io:format("received ~w bytes, same as sent: ~w, then ~w~n", [byte_size(Total), Total =:= Data, End]),
    io:format("more than one chunk: ~w~n", [Chunks > 1]),
    receive {closed, R} -> io:format("sender close: ~w~n", [R]) end,
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

count_bytes(S, Acc, N) ->
    case gen_tcp:recv(S, 0, 2000) of
        {ok, Bin} -> count_bytes(S, <<Acc/binary, Bin/binary>>, N + 1);
        Other -> {Acc, N, Other}
    end.

ok({ok, X}) -> X.
