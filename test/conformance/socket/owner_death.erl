%% The owner's death closes its sockets: a monitor gets DOWN, the socket
%% leaves the registry, calls say closed, and the peer sees the close.
-module(owner_death).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    Self = self(),
    {Pid, MRef} = spawn_monitor(fun() ->
        {ok, C} = socket:open(inet, stream, tcp),
        ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
        Self ! {sock, C},
        receive stop -> ok end
    end),
    C = receive {sock, Sock} -> Sock end,
    {ok, S} = socket:accept(LS, 1000),
    SMon = socket:monitor(C),
    io:format("owned: ~w~n", [socket:which_sockets(Pid) =:= [C]]),
    io:format("send from another process: ~w~n", [socket:send(C, <<"hi">>)]),
    io:format("~w~n", [socket:recv(S, 2, 1000)]),
    exit(Pid, kill),
    receive {'DOWN', MRef, process, Pid, R} -> io:format("process: ~w~n", [R]) end,
    receive
        {'DOWN', SMon, socket, C, Info} -> io:format("socket: ~w~n", [Info])
    after 1000 -> io:format("no socket DOWN~n")
    end,
    io:format("~w~n", [lists:member(C, socket:which_sockets())]),
    io:format("~w ~w~n", [socket:send(C, <<"x">>), socket:close(C)]),
    io:format("peer: ~w~n", [socket:recv(S, 0, 1000)]),
    [ok = socket:close(X) || X <- [S, LS]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.
