%% An inet6 datagram socket sends to an inet address (v4-mapped, as Linux
%% takes it), connects to one, and hears the inet socket's answer from the
%% v4-mapped address.
-module(dgram_v4_mapped).
-export([main/0]).

main() ->
    {ok, B} = socket:open(inet, dgram),
    ok = socket:bind(B, #{family => inet, addr => loopback, port => 0}),
    {ok, #{port := PB} = BAddr} = socket:sockname(B),
    {ok, A} = socket:open(inet6, dgram),
    io:format("sendto: ~w~n", [socket:sendto(A, <<"hi">>, BAddr)]),
    {ok, {From, Data}} = socket:recvfrom(B, 0, 1000),
    io:format("B got ~w from ~w~n", [Data, maps:remove(port, From)]),
    ok = socket:sendto(B, <<"back">>, From),
    {ok, {From2, Data2}} = socket:recvfrom(A, 0, 1000),
    io:format("A got ~w from ~w, port ok: ~w~n", [Data2, maps:remove(port, From2), maps:get(port, From2) =:= PB]),
    io:format("connect: ~w~n", [socket:connect(A, #{family => inet, addr => loopback, port => PB})]),
    {ok, Peer} = socket:peername(A),
    io:format("peername: ~w, port ok: ~w~n", [maps:remove(port, Peer), maps:get(port, Peer) =:= PB]),
    io:format("send: ~w~n", [socket:send(A, <<"x">>)]),
    io:format("B recv: ~w~n", [socket:recv(B, 0, 1000)]),
    {ok, Name} = socket:sockname(A),
    io:format("sockname: ~w~n", [maps:remove(port, Name)]),
    ok = socket:close(A),
    ok = socket:close(B).
