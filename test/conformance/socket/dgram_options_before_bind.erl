%% Options of a datagram socket set before it is bound: the kernel's socket
%% exists from open/3, so setopt answers ok and getopt reads them back,
%% before and after bind.
-module(dgram_options_before_bind).
-export([main/0]).

main() ->
    {ok, S} = socket:open(inet, dgram, udp),
    io:format("rcvbuf: ~w ~w~n", [socket:setopt(S, {socket, rcvbuf}, 100000), socket:getopt(S, {socket, rcvbuf})]),
    io:format("sndbuf: ~w ~w~n", [socket:setopt(S, {socket, sndbuf}, 50000), socket:getopt(S, {socket, sndbuf})]),
    io:format("broadcast: ~w ~w~n", [socket:setopt(S, {socket, broadcast}, true), socket:getopt(S, {socket, broadcast})]),
    io:format("ttl: ~w ~w~n", [socket:setopt(S, {ip, ttl}, 7), socket:getopt(S, {ip, ttl})]),
    ok = socket:bind(S, #{family => inet, addr => loopback, port => 0}),
    io:format("after bind: ~w ~w ~w ~w~n", [socket:getopt(S, {socket, rcvbuf}), socket:getopt(S, {socket, sndbuf}),
                                          socket:getopt(S, {socket, broadcast}), socket:getopt(S, {ip, ttl})]),
    io:format("rcvbuf again: ~w ~w~n", [socket:setopt(S, {socket, rcvbuf}, 60000), socket:getopt(S, {socket, rcvbuf})]),
    ok = socket:close(S).
