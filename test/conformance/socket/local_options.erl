%% Options of a local stream socket and of the other kinds, by level: a
%% local socket's protocol reads as default, its buffers as Linux's; an
%% option of a level the socket does not have (tcp on a local or datagram
%% socket, ip on a local one, ipv6 on an inet one, udp on a stream) is
%% enotsup, as the NIF answers.
-module(local_options).
-export([main/0]).

main() ->
    {ok, L} = socket:open(local, stream),
    [get_("local", L, O) || O <- opts()],
    [io:format("local set ~w: ~w~n", [O, socket:setopt(L, O, V)])
     || {O, V} <- [{{tcp, nodelay}, true}, {{socket, keepalive}, true}, {{ip, tos}, 0},
                   {{socket, rcvbuf}, 4096}, {{socket, linger}, #{onoff => true, linger => 0}},
                   {{socket, reuseaddr}, true}, {{socket, broadcast}, true}, {{ip, ttl}, 5},
                   {{ipv6, v6only}, true}, {{socket, priority}, 1}]],
    [get_("local after", L, O) || O <- [{socket, keepalive}, {socket, rcvbuf}, {socket, linger},
                                        {socket, reuseaddr}, {socket, broadcast}]],
    ok = socket:close(L),
    {ok, D} = socket:open(inet, dgram),
    [get_("dgram", D, O) || O <- [{tcp, nodelay}, {socket, keepalive}, {socket, acceptconn},
                                  {socket, linger}, {ipv6, v6only}, {socket, broadcast}]],
    ok = socket:close(D),
    {ok, I} = socket:open(inet, stream),
    [get_("inet", I, O) || O <- [{ipv6, v6only}, {socket, broadcast}, {socket, rcvbuf},
                                 {socket, sndbuf}]],
    io:format("inet set ~w~n", [socket:setopt(I, {ipv6, v6only}, true)]),
    ok = socket:close(I),
    {ok, I6} = socket:open(inet6, stream),
    [get_("inet6", I6, O) || O <- [{ip, tos}, {ip, ttl}, {ipv6, v6only}, {tcp, nodelay}]],
    io:format("inet6 set ~w~n", [socket:setopt(I6, {ip, tos}, 0)]),
    ok = socket:close(I6),
    {ok, D6} = socket:open(inet6, dgram),
    [get_("dgram6", D6, O) || O <- [{ip, ttl}, {ipv6, v6only}, {tcp, nodelay}]],
    ok = socket:close(D6),
    ok.

opts() ->
    [{socket, type}, {socket, domain}, {socket, protocol}, {socket, acceptconn},
     {socket, reuseaddr}, {socket, keepalive}, {socket, linger}, {socket, rcvbuf},
     {socket, sndbuf}, {socket, broadcast}, {socket, priority}, {socket, debug},
     {socket, dontroute}, {socket, oobinline}, {tcp, nodelay}, {ip, tos}, {ip, ttl},
     {ipv6, v6only}, {otp, debug}, {otp, iow}, {otp, rcvbuf}, {otp, use_registry}].

get_(What, S, O) ->
    io:format("~s ~w: ~w~n", [What, O, socket:getopt(S, O)]).
