%% The usual hand-over of an accepted socket: accept in passive mode, hand
%% the socket to a worker, the worker sets {active, once} and gets what was
%% already waiting in the socket; the acceptor's exit does not close it.
-module(handover_then_active).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    Self = self(),
    Acceptor = spawn(fun() ->
                             S = ok(gen_tcp:accept(LS)),
                             Worker = spawn(fun() -> worker(Self) end),
                             ok = gen_tcp:controlling_process(S, Worker),
                             Worker ! {socket, S}
                     end),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    ok = gen_tcp:send(C, <<"early">>),
    receive {worker_got, M1} -> io:format("worker: ~w~n", [M1]) end,
    io:format("acceptor alive: ~w~n", [is_process_alive(Acceptor)]),
    ok = gen_tcp:send(C, <<"late">>),
    receive {worker_got, M2} -> io:format("worker: ~w~n", [M2]) end,
    io:format("~p~n", [gen_tcp:recv(C, 17, 1000)]),
    ok = gen_tcp:close(C),
    receive {worker_got, M3} -> io:format("worker: ~w~n", [M3]) end,
    ok = gen_tcp:close(LS).

worker(Parent) ->
    S = receive {socket, Sock} -> Sock end,
    timer:sleep(30),
    loop(Parent, S).

loop(Parent, S) ->
    ok = inet:setopts(S, [{active, once}]),
    receive
        {tcp, S, Data} = M ->
            Parent ! {worker_got, M},
            ok = gen_tcp:send(S, [<<"got ">>, Data]),
            loop(Parent, S);
        {tcp_closed, S} = M ->
            Parent ! {worker_got, M}
    end.

ok({ok, X}) -> X.
