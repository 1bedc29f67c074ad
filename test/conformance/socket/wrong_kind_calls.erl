%% Calls that do not fit the socket: a connect to another family, and
%% listen, accept and shutdown on a datagram socket.
-module(wrong_kind_calls).
-export([main/0]).

main() ->
    {ok, C} = socket:open(inet, stream, tcp),
    io:format("~w~n", [socket:connect(C, #{family => inet6, addr => {0, 0, 0, 0, 0, 0, 0, 1}, port => 1})]),
    {ok, U} = socket:open(inet, dgram, udp),
    io:format("~w~n", [socket:connect(U, #{family => inet6, addr => {0, 0, 0, 0, 0, 0, 0, 1}, port => 1})]),
    io:format("~w~n", [socket:shutdown(U, write)]),
    io:format("~w~n", [socket:listen(U)]),
    io:format("~w~n", [socket:accept(U, 0)]),
    [ok = socket:close(X) || X <- [C, U]],
    ok.
