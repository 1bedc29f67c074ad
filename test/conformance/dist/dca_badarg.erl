-module(dca_badarg).
-export([main/0]).

%% What a pid of the peer cannot be given to: is_process_alive/1, register/2, process_info/1,2
%% raise badarg (they only take this node's processes).
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    P = spawn(Peer, dist_peer, echo, []),
    io:format("is_process_alive: ~w~n", [try_(fun() -> is_process_alive(P) end)]),
    io:format("register: ~w~n", [try_(fun() -> register(dca_remote, P) end)]),
    io:format("whereis after: ~w~n", [whereis(dca_remote)]),
    io:format("process_info/1: ~w~n", [try_(fun() -> process_info(P) end)]),
    io:format("process_info/2: ~w~n", [try_(fun() -> process_info(P, status) end)]),
    io:format("monitor of {Name, Node} with a pid name: ~w~n",
              [try_(fun() -> monitor(process, {P, Peer}) end)]),
    io:format("it still answers: ~w~n", [begin P ! {self(), yes}, receive {P, Y} -> Y after 2000 -> no end end]),
    P ! stop.

try_(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.
