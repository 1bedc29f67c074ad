%% I/O on a listen socket, in every mode and form: OTP 25's inet_drv answers
%% enotconn to send (binary or list data, passive or active socket, inet or
%% inet6), to recv (any length and timeout) and to shutdown (read, write,
%% read_write), also while an acceptor waits; accept still works after.
-module(listen_socket_io).
-export([main/0]).

main() ->
    L1 = ok(gen_tcp:listen(0, [binary, {active, false}])),
    L2 = ok(gen_tcp:listen(0, [list, {active, true}, {packet, 2}])),
    L3 = ok(gen_tcp:listen(0, [inet6, binary, {active, once}, {ip, {0, 0, 0, 0, 0, 0, 0, 1}}])),
    [io:format("~w: send ~w ~w, recv ~w ~w ~w, shutdown ~w ~w ~w~n",
               [N, gen_tcp:send(L, <<"x">>), gen_tcp:send(L, "abc"),
                gen_tcp:recv(L, 0), gen_tcp:recv(L, 5, 0), gen_tcp:recv(L, 0, 50),
                gen_tcp:shutdown(L, read), gen_tcp:shutdown(L, write), gen_tcp:shutdown(L, read_write)])
     || {N, L} <- [{binary_passive, L1}, {list_active, L2}, {inet6_once, L3}]],
    Self = self(),
    Acceptor = spawn(fun() -> Self ! {self(), gen_tcp:accept(L1, 1000)} end),
    timer:sleep(30),
    io:format("while accepting: ~w ~w~n", [gen_tcp:send(L1, <<"x">>), gen_tcp:recv(L1, 0, 0)]),
    Port = ok(inet:port(L1)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [])),
    receive
        {Acceptor, {ok, S}} -> io:format("accepted: ~w~n", [gen_tcp:close(S)])
    after 1000 -> io:format("no accept~n")
    end,
    [ok = gen_tcp:close(X) || X <- [C, L1, L2, L3]],
    ok.

ok({ok, X}) -> X.
