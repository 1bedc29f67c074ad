-module(dca_message_order).
-export([main/0]).

%% 200 messages to a process of the peer come back in the order they were sent: to a pid, to a
%% registered name, and forwarded to the driver by another process.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    N = 200,
    P = spawn(Peer, dist_peer, echo, []),
    [P ! {self(), I} || I <- lists:seq(1, N)],
    Got = [receive {P, X} -> X end || _ <- lists:seq(1, N)],
    io:format("to a pid: ~w ~w ~w~n", [length(Got), Got =:= lists:seq(1, N), lists:sublist(Got, 5)]),
    [{dist_peer_echo, Peer} ! {self(), {n, I}} || I <- lists:seq(1, N)],
    Got2 = [receive {dist_peer_echo, X} -> X end || _ <- lists:seq(1, N)],
    io:format("to a name: ~w ~w ~w~n", [length(Got2), Got2 =:= [{n, I} || I <- lists:seq(1, N)], lists:last(Got2)]),
    F = spawn(Peer, dist_peer, echo_to, [self()]),
    [F ! I || I <- lists:seq(1, N)],
    Got3 = [receive {got, X} -> X end || _ <- lists:seq(1, N)],
    io:format("forwarded: ~w ~w~n", [length(Got3), Got3 =:= lists:seq(1, N)]),
    %% Interleaved with a signal: the linked process's exit comes after every message it sent.
    process_flag(trap_exit, true),
    Q = spawn(Peer, dist_peer, echo_to, [self()]),
    link(Q),
    [Q ! I || I <- lists:seq(1, 50)],
    Q ! stop,
    Got4 = [receive {got, X} -> X; {'EXIT', Q, R} -> {exit, R} end || _ <- lists:seq(1, 51)],
    io:format("then its exit: ~w ~w~n", [lists:sublist(Got4, 50) =:= lists:seq(1, 50), lists:last(Got4)]),
    P ! stop,
    F ! stop.
