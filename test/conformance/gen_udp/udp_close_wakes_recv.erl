%% A process blocked in recv on a passive socket gets {error, closed} when the
%% owner closes the socket, whether it waits forever or with a timeout.
%% From gen_udp_SUITE:recv_close.
-module(udp_close_wakes_recv).
-export([main/0]).

main() ->
    Sock = ok(gen_udp:open(0, [{active, false}])),
    {Pid, MRef} = spawn_monitor(fun() -> exit(gen_udp:recv(Sock, 0)) end),
    receive
        {'DOWN', MRef, process, Pid, PreReason} -> io:format("reader died early: ~w~n", [PreReason])
    after 50 -> ok
    end,
    ok = gen_udp:close(Sock),
    receive
        {'DOWN', MRef, process, Pid, Reason} -> io:format("reader: ~w~n", [Reason])
    after 1000 -> io:format("reader still waits~n")
    end,
    Sock2 = ok(gen_udp:open(0, [{active, false}])),
    Self = self(),
    spawn(fun() -> Self ! {reader, gen_udp:recv(Sock2, 0, 5000)} end),
    timer:sleep(30),
    ok = gen_udp:close(Sock2),
    receive {reader, R2} -> io:format("reader with a timeout: ~w~n", [R2])
    after 1000 -> io:format("reader still waits~n")
    end,
    io:format("recv after close: ~w~n", [gen_udp:recv(Sock2, 0, 10)]).

ok({ok, X}) -> X.
