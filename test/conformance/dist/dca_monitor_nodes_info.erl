-module(dca_monitor_nodes_info).
-export([main/0]).

%% net_kernel:monitor_nodes/2 with options: given as a list, the messages carry an info list
%% ({nodedown, Node, [{nodedown_reason, disconnect}]} after disconnect_node/1, node_type only when
%% asked for); given as a map, an info map. monitor_nodes(false, Opts) ends every subscription made
%% with the same options. Bad options are errors that say what is wrong.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Lists = [[nodedown_reason], [{node_type, all}], [{node_type, visible}, nodedown_reason],
             [connection_id, nodedown_reason]],
    Maps = [#{}, #{nodedown_reason => true, node_type => visible}, #{connection_id => true}],
    io:format("ping: ~w~n", [net_adm:ping(Peer)]),
    [io:format("monitor_nodes(true, ~w): ~w~n", [O, net_kernel:monitor_nodes(true, O)]) || O <- Lists ++ Maps],
    ok = global:sync(), % global has done its sync since the last connect,
    timer:sleep(100), % and its locker has let go of the lock it took for it
    io:format("disconnect_node: ~w~n", [erlang:disconnect_node(Peer)]),
    timer:sleep(100),
    show(drain()),
    io:format("ping: ~w~n", [net_adm:ping(Peer)]),
    timer:sleep(50),
    show(drain()),
    io:format("off: ~w~n", [[net_kernel:monitor_nodes(false, O) || O <- Lists ++ Maps]]),
    %% Subscribed twice with the same options: each message comes twice; unsubscribed once: none.
    ok = net_kernel:monitor_nodes(true),
    ok = net_kernel:monitor_nodes(true),
    ok = net_kernel:monitor_nodes(true, [nodedown_reason]),
    ok = net_kernel:monitor_nodes(true, [nodedown_reason, nodedown_reason]),
    ok = global:sync(), % global has done its sync since the last connect,
    timer:sleep(100), % and its locker has let go of the lock it took for it
    io:format("disconnect_node: ~w~n", [erlang:disconnect_node(Peer)]),
    timer:sleep(100),
    io:format("ping: ~w~n", [net_adm:ping(Peer)]),
    timer:sleep(50),
    show(drain()),
    io:format("false once each: ~w ~w~n", [net_kernel:monitor_nodes(false), net_kernel:monitor_nodes(false, [nodedown_reason])]),
    ok = global:sync(), % global has done its sync since the last connect,
    timer:sleep(100), % and its locker has let go of the lock it took for it
    io:format("disconnect_node: ~w~n", [erlang:disconnect_node(Peer)]),
    timer:sleep(100),
    io:format("ping: ~w~n", [net_adm:ping(Peer)]),
    timer:sleep(50),
    show(drain()),
    Bad = [[bad], [{node_type, x}], [{node_type, all}, {node_type, visible}], [bad, nodedown_reason, bad2],
           [bad, {node_type, all}, bad2], [bad, {node_type, all}, nodedown_reason, bad2], foo,
           #{bad => 1}, #{node_type => foo}, #{nodedown_reason => 1}],
    [io:format("monitor_nodes(true, ~w): ~w~n", [O, net_kernel:monitor_nodes(true, O)]) || O <- Bad],
    io:format("monitor_nodes(foo): ~w~n", [net_kernel:monitor_nodes(foo)]),
    io:format("monitor_nodes(foo, []): ~w~n", [net_kernel:monitor_nodes(foo, [])]).

%% The messages in term order, each connection id replaced by whether it is an integer.
show(Msgs) ->
    [io:format("  ~w~n", [M]) || M <- lists:sort([id(M) || M <- Msgs])].

id({What, Node, Info}) when is_list(Info) ->
    {What, Node, [case I of {connection_id, C} -> {connection_id, is_integer(C)}; _ -> I end || I <- Info]};
id({What, Node, #{connection_id := C} = Info}) ->
    {What, Node, Info#{connection_id := is_integer(C)}};
id(M) -> M.

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
