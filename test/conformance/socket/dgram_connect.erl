%% A connected datagram socket: send and recv without addresses, peername
%% gives the peer; an unconnected one cannot send (edestaddrreq) and has no
%% peer (enotconn). sendmsg and recvmsg with addresses; trunc in flags.
-module(dgram_connect).
-export([main/0]).

main() ->
    {ok, A} = socket:open(inet, dgram, udp),
    {ok, B} = socket:open(inet, dgram, udp),
    ok = socket:bind(A, #{family => inet, addr => loopback, port => 0}),
    ok = socket:bind(B, #{family => inet, addr => loopback, port => 0}),
    {ok, AA} = socket:sockname(A),
    {ok, BA} = socket:sockname(B),
    io:format("~w~n", [socket:send(A, <<"x">>)]),
    io:format("~w~n", [socket:peername(A)]),
    io:format("~w~n", [socket:connect(A, BA)]),
    {ok, P} = socket:peername(A),
    io:format("peer is B: ~w~n", [P =:= BA]),
    io:format("~w~n", [socket:send(A, <<"hello">>)]),
    {ok, {From, Data}} = socket:recvfrom(B, 0, 1000),
    io:format("~w ~w~n", [From =:= AA, Data]),
    io:format("~w~n", [socket:sendmsg(B, #{addr => AA, iov => [<<"he">>, <<"llo there">>]})]),
    {ok, #{addr := MA, iov := Iov, flags := Fl, ctrl := Ct}} = socket:recvmsg(A, 5, 0, [], 1000),
    io:format("~w ~w ~w ~w~n", [MA =:= BA, Iov, Fl, Ct]),
    io:format("~w~n", [socket:sendmsg(B, #{iov => [<<"x">>]})]),
    ok = socket:sendto(B, <<"again">>, AA),
    io:format("~w~n", [socket:recv(A, 0, 1000)]),
    [ok = socket:close(X) || X <- [A, B]],
    ok.
