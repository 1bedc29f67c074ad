%% demonitor(Ref, [flush]) also removes a DOWN already delivered;
%% demonitor(Ref) leaves it in the mailbox.
%% Terms holding refs print with ~w: an Erlang ref's text length varies from run to
%% run, so ~p would break lines at different places.
-module(demonitor_flush).
-export([main/0]).

main() ->
    {_Pid, Ref} = spawn_monitor(fun() -> ok end),
    timer:sleep(20),
    io:format("queued before demonitor: ~p~n", [process_info(self(), message_queue_len)]),
    self() ! after_down,
    io:format("demonitor flush: ~p~n", [demonitor(Ref, [flush])]),
    io:format("mailbox: ~w~n", [drain()]),
    {_Pid2, Ref2} = spawn_monitor(fun() -> ok end),
    timer:sleep(20),
    io:format("demonitor without flush: ~p~n", [demonitor(Ref2)]),
    io:format("mailbox: ~w~n", [drain()]),
    P3 = spawn(fun() -> receive stop -> ok end end),
    Ref3 = monitor(process, P3),
    io:format("demonitor flush of a live monitor: ~p~n", [demonitor(Ref3, [flush])]),
    P3 ! stop,
    timer:sleep(20),
    io:format("mailbox: ~w~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
