%% close of a socket with pending nowait calls: each caller gets
%% {'$socket', S, abort, {Handle, closed}}, also when another process
%% closes it; later calls say closed.
-module(close_aborts_nowait).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    Self = self(),
    P = spawn(fun() ->
        {select, SI} = socket:recv(S, 0, nowait),
        Self ! {si, SI},
        receive
            M -> Self ! {got, M}
        after 1000 -> Self ! {got, nothing}
        end
    end),
    SI = receive {si, X} -> X end,
    io:format("~w~n", [SI]),
    ok = socket:close(S),
    receive {got, M} -> io:format("~w~n", [M]) end,
    io:format("~w~n", [socket:recv(S, 0, nowait)]),
    {select, ASI} = socket:accept(LS, nowait),
    io:format("~w~n", [ASI]),
    spawn(fun() -> ok = socket:close(LS), Self ! closed end),
    receive closed -> ok end,
    receive
        {'$socket', LS, abort, _} = A -> io:format("~w~n", [A])
    after 1000 -> io:format("no abort~n")
    end,
    io:format("~w~n", [socket:accept(LS, nowait)]),
    io:format("mailbox: ~w ~w~n", [drain(), is_process_alive(P)]),
    ok = socket:close(C),
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

pair() ->
    {LS, Port} = listener(),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    {LS, C, S}.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
