%% cancel of a nowait accept by a process other than the one that made
%% it, then by that process itself.
-module(cancel_other_process).
-export([main/0]).

main() ->
    {LS, _Port} = listener(),
    Self = self(),
    P = spawn(fun() ->
        {select, SI} = socket:accept(LS, nowait),
        Self ! {si, SI},
        receive
            cancel -> Self ! {own_cancel, socket:cancel(LS, SI)}
        end
    end),
    SI = receive {si, X} -> X end,
    io:format("other: ~w~n", [socket:cancel(LS, SI)]),
    P ! cancel,
    receive {own_cancel, R} -> io:format("own: ~w~n", [R]) end,
    io:format("mailbox: ~w~n", [drain()]),
    ok = socket:close(LS),
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
