%% which_sockets filters on dgram sockets: listed under inet, dgram and
%% udp, not under stream, tcp or inet6, and gone after close.
-module(dgram_which_sockets).
-export([main/0]).

main() ->
    {ok, A} = socket:open(inet, dgram, udp),
    {ok, B} = socket:open(inet, dgram),
    {ok, T} = socket:open(inet, stream, tcp),
    Mine = [A, B, T],
    [io:format("~w: ~w~n", [F, [lists:member(X, socket:which_sockets(F)) || X <- Mine]])
     || F <- [dgram, udp, stream, tcp, inet, inet6]],
    io:format("owner: ~w~n", [[lists:member(X, socket:which_sockets(self())) || X <- Mine]]),
    ok = socket:close(A),
    io:format("after close: ~w ~w~n", [lists:member(A, socket:which_sockets(dgram)), lists:member(A, socket:which_sockets(udp))]),
    [ok = socket:close(X) || X <- [B, T]],
    ok.
