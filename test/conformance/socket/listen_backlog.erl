%% listen/2's backlog is the kernel's: a burst of 20 connects to a socket
%% listening with a backlog of 32 is accepted at once, with no SYN
%% retransmits (a kernel queue of 5 would hold most of them back a second).
-module(listen_backlog).
-export([main/0]).

main() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS, 32),
    {ok, #{port := Port}} = socket:sockname(LS),
    Self = self(),
    T0 = erlang:monotonic_time(millisecond),
    [spawn(fun() ->
               {ok, C} = socket:open(inet, stream, tcp),
               R = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
               Self ! {connected, R},
               receive stop -> socket:close(C) end
           end) || _ <- lists:seq(1, 20)],
    Ss = [element(2, {ok, _} = socket:accept(LS, 2000)) || _ <- lists:seq(1, 20)],
    Rs = [receive {connected, R} -> R after 2000 -> timeout end || _ <- lists:seq(1, 20)],
    Elapsed = erlang:monotonic_time(millisecond) - T0,
    io:format("accepted: ~w~n", [length(Ss)]),
    io:format("connects: ~w~n", [lists:usort(Rs)]),
    io:format("within 500 ms: ~w~n", [Elapsed < 500]),
    [ok = socket:close(S) || S <- Ss],
    ok = socket:close(LS).
