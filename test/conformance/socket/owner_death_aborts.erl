%% The owner of a listen socket and of a connected socket dies while other
%% processes wait on them: a blocked accept returns closed and a pending
%% nowait recv gets an abort message.
-module(owner_death_aborts).
-export([main/0]).

main() ->
    Self = self(),
    Owner = spawn(fun() ->
        {LS, Port} = listener(),
        Self ! {listening, LS, Port},
        {ok, S} = socket:accept(LS, 1000),
        Self ! {accepted, S},
        receive stop -> ok end
    end),
    {LS, Port} = receive {listening, L, P} -> {L, P} end,
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    S = receive {accepted, X} -> X end,
    spawn(fun() -> Self ! {accept, socket:accept(LS, infinity)} end),
    {select, {select_info, recv, H}} = socket:recv(S, 0, nowait),
    timer:sleep(30),
    exit(Owner, kill),
    receive {accept, R} -> io:format("accept: ~w~n", [R]) end,
    receive
        {'$socket', S, abort, {H, Why}} -> io:format("abort: ~w~n", [Why])
    after 1000 -> io:format("no abort~n")
    end,
    io:format("~w ~w~n", [socket:close(LS), socket:close(S)]),
    io:format("peer: ~w~n", [socket:recv(C, 0, 1000)]),
    ok = socket:close(C),
    io:format("mailbox: ~w~n", [drain()]),
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
