%% shutdown of a listening socket: OTP passes it to the kernel, which
%% accepts it; the socket still closes normally.
-module(shutdown_listen).
-export([main/0]).

main() ->
    {LS, _Port} = listener(),
    io:format("~w~n", [socket:shutdown(LS, write)]),
    io:format("~w~n", [socket:shutdown(LS, read_write)]),
    io:format("~w~n", [socket:close(LS)]),
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.
