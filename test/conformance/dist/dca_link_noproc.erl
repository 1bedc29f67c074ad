-module(dca_link_noproc).
-export([main/0]).

%% link/1 to a pid of the peer that is dead: it returns true, then a `noproc` exit signal comes,
%% an EXIT message for a process trapping exits, the end of one that does not.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    {P, Ref} = spawn_monitor(Peer, dist_peer, exit_with, [done]),
    receive {'DOWN', Ref, process, P, R} -> io:format("DOWN ~w~n", [R]) end,
    process_flag(trap_exit, true),
    io:format("link: ~w~n", [link(P)]),
    receive {'EXIT', P, E} -> io:format("EXIT ~w~n", [E]) after 2000 -> io:format("no EXIT~n") end,
    io:format("link again: ~w~n", [link(P)]),
    receive {'EXIT', P, E2} -> io:format("EXIT ~w~n", [E2]) after 2000 -> io:format("no EXIT~n") end,
    {L, LRef} = spawn_monitor(fun() -> Linked = link(P), receive never -> Linked end end),
    receive {'DOWN', LRef, process, L, R2} -> io:format("not trapping: DOWN ~w~n", [R2]) after 2000 -> io:format("no DOWN~n") end,
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.
