%% gen_tcp:accept(LS, -1): OTP 25 does not check the timeout and the driver
%% takes -1 as infinity, so the acceptor just waits (and is served by a
%% later connect). Outside the documented contract (timeout() is
%% non_neg_integer() | infinity), kept to show the difference.
-module(accept_negative_timeout).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    Self = self(),
    Acceptor = spawn(fun() -> Self ! {acceptor, catch gen_tcp:accept(LS, -1)} end),
    timer:sleep(50),
    io:format("still waiting: ~w~n", [is_process_alive(Acceptor)]),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    receive
        {acceptor, {ok, S}} -> io:format("accepted: ~w~n", [is_port(S)]);
        {acceptor, Other} -> io:format("acceptor: ~w~n", [element(1, Other)])
    after 1000 -> io:format("no answer~n")
    end,
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
