%% send on a stream socket that is not connected (open, bound, or
%% listening): OTP returns the kernel's epipe.
-module(send_unconnected).
-export([main/0]).

main() ->
    {ok, U} = socket:open(inet, stream, tcp),
    io:format("open ~w~n", [socket:send(U, <<"x">>)]),
    ok = socket:bind(U, #{family => inet, addr => loopback, port => 0}),
    io:format("bound ~w~n", [socket:send(U, <<"x">>)]),
    ok = socket:listen(U),
    io:format("listening ~w~n", [socket:send(U, <<"x">>)]),
    ok = socket:close(U),
    ok.
