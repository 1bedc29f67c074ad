-module(dca_unknown_node_pid).
-export([main/0]).

%% A pid of a node that does not exist (decoded from the external term format): link/1 gives
%% `noconnection`, monitor/2 a `noconnection` DOWN; exit/2, unlink/1 and sends do nothing.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    [_, Host] = string:split(atom_to_list(Peer), "@"),
    Nobody = list_to_binary("dca_nobody@" ++ Host),
    Fake = binary_to_term(<<131, 88, 119, (byte_size(Nobody)), Nobody/binary, 7:32, 0:32, 1:32>>),
    io:format("node: ~w~n", [node(Fake) =:= binary_to_atom(Nobody, utf8)]),
    io:format("send: ~w~n", [Fake ! hello]),
    io:format("exit/2: ~w~n", [exit(Fake, foo)]),
    io:format("unlink: ~w~n", [unlink(Fake)]),
    Ref = monitor(process, Fake),
    receive {'DOWN', Ref, process, O, I} -> io:format("monitor: DOWN ~w ~w~n", [O =:= Fake, I]) after 2000 -> io:format("no DOWN~n") end,
    process_flag(trap_exit, true),
    io:format("link: ~w~n", [link(Fake)]),
    receive {'EXIT', Fake, R} -> io:format("EXIT ~w~n", [R]) after 2000 -> io:format("no EXIT~n") end,
    process_flag(trap_exit, false),
    {L, LRef} = spawn_monitor(fun() -> link(Fake), receive never -> ok end end),
    receive {'DOWN', LRef, process, L, R2} -> io:format("not trapping: DOWN ~w~n", [R2]) after 2000 -> io:format("no DOWN~n") end,
    io:format("in nodes(): ~w~n", [lists:member(binary_to_atom(Nobody, utf8), nodes())]),
    receive Other -> io:format("unexpected ~w~n", [Other]) after 50 -> io:format("nothing else~n") end.
