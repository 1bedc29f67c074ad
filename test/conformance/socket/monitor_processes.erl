%% Socket monitors from several processes: each monitoring process gets
%% its own DOWN when the owner closes the socket; a monitor whose process
%% has died is gone, and a cancelled one sends nothing.
-module(monitor_processes).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    Self = self(),
    Watcher = fun(N, Cancel) ->
        spawn(fun() ->
            M = socket:monitor(S),
            Cancel andalso socket:cancel_monitor(M),
            Self ! {ready, N},
            receive
                {'DOWN', M, socket, S, Info} -> Self ! {down, N, Info}
            after 300 -> Self ! {nothing, N}
            end
        end),
        receive {ready, N} -> ok end
    end,
    Watcher(1, false),
    Watcher(2, true),
    Watcher(3, false),
    Dead = spawn(fun() -> socket:monitor(S), Self ! {ready, dead} end),
    receive {ready, dead} -> ok end,
    timer:sleep(10),
    io:format("dead alive: ~w~n", [is_process_alive(Dead)]),
    ok = socket:close(S),
    Got = [receive {Tag, N, Info} when N =:= K -> {Tag, Info}; {Tag, N} when N =:= K -> Tag end || K <- [1, 2, 3]],
    io:format("~w~n", [Got]),
    io:format("mailbox: ~w~n", [drain()]),
    [ok = socket:close(X) || X <- [C, LS]],
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
