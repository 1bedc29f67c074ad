%% accept on one listen socket from several processes: each connection
%% goes to the oldest waiting acceptor, which owns the accepted socket.
-module(acceptors_in_order).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    Self = self(),
    Acceptor = fun(N) ->
        spawn(fun() ->
            {ok, S} = socket:accept(LS, 1000),
            Owner = lists:member(S, socket:which_sockets(self())),
            {ok, Data} = socket:recv(S, 1, 1000),
            Self ! {accepted, N, Owner, Data},
            ok = socket:close(S)
        end),
        timer:sleep(15)
    end,
    [Acceptor(N) || N <- [1, 2, 3]],
    Cs = [begin
        {ok, C} = socket:open(inet, stream, tcp),
        ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
        ok = socket:send(C, [Byte]),
        timer:sleep(15),
        C
    end || Byte <- "abc"],
    [receive {accepted, N, Owner, Data} -> io:format("~w ~w ~w~n", [N, Owner, Data]) end || _ <- Cs],
    [ok = socket:close(X) || X <- [LS | Cs]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.
