%% socket:open/2,3,4 over domains, types and protocols: an unknown protocol
%% name is {invalid, {protocol, P}}, a known one of another type is the
%% kernel's eprotonosupport; numbers go to the kernel as they are; a
%% protocol neither atom nor integer, or options not a map, raise. (Left
%% out: what Linux makes and Node cannot, such as local datagram sockets.)
-module(open_matrix).
-export([main/0]).

main() ->
    Protocols = [tcp, udp, sctp, ip, default, foo, 0, 6, 17, 132, -1, 99, 300,
                 'IP', 'TCP', 'UDP', ipv6, 2147483647],
    [try_([D, T, P]) || D <- [inet, inet6, local], T <- [stream, dgram], P <- Protocols,
                        not (D =:= local andalso T =:= dgram)],
    [try_([local, dgram, P]) || P <- [tcp, udp, sctp, foo, 6, 17]],
    [try_(A) || A <- [[local, stream, icmp], [local, stream, 1],
                      [2, stream, 0], [10, dgram, 0], [1, stream, 0], [99, stream, default],
                      [0, stream, default], [unspec, stream, default], [inet, 1, default],
                      [inet, 2, default], [inet, 4, default], [inet, 11, default],
                      [inet, 99, -1], [local, 4, default], [local, 99, -1], [1.5, stream, default],
                      [inet, 1.5, default], [2147483648, stream, default], [foo, bar, baz],
                      [foo, bar, tcp], [inet, bar, tcp], [inet, stream, {tcp}],
                      [inet, stream, 1.5], [inet, stream, "tcp"], [inet, stream, 2147483648],
                      [inet, stream, tcp, [1]], [inet, stream, tcp, foo],
                      [inet, stream, {x}, []], [foo, stream, tcp, []],
                      [inet, stream, #{use_registry => false}], [inet, stream, tcp, #{foo => 1}],
                      [inet, #{}], [inet, [1]], [inet, stream], [inet6, dgram]]],
    ok.

try_(Args) ->
    try apply(socket, open, Args) of
        {ok, S} ->
            #{protocol := P} = socket:info(S),
            io:format("~w: ok ~w ~w~n", [Args, P, socket:getopt(S, {socket, protocol})]),
            ok = socket:close(S);
        R ->
            io:format("~w: ~w~n", [Args, R])
    catch
        Class:Reason -> io:format("~w: ~w:~w~n", [Args, Class, Reason])
    end.
