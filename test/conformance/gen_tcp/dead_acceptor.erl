%% A process killed while waiting in accept takes nothing with it: the next
%% acceptor gets the connection.
-module(dead_acceptor).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    Self = self(),
    A1 = spawn(fun() -> Self ! {a1, gen_tcp:accept(LS)} end),
    timer:sleep(20),
    spawn(fun() ->
                  Res = gen_tcp:accept(LS),
                  case Res of
                      {ok, Sock} -> ok = gen_tcp:controlling_process(Sock, Self);
                      _ -> ok
                  end,
                  Self ! {a2, Res}
          end),
    timer:sleep(20),
    exit(A1, kill),
    timer:sleep(20),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = receive
            {a1, R1} -> io:format("killed acceptor answered: ~w~n", [R1]), none;
            {a2, {ok, S2}} -> io:format("second acceptor got it~n"), S2
        after 1000 -> io:format("nobody accepted~n"), none
        end,
    ok = gen_tcp:send(C, <<"data">>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
