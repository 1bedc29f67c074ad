%% The call pattern: a fresh ref in the request, a receive on {Ref, Reply}
%% that skips unrelated messages and stale replies, which stay in order.
%% Terms holding refs print with ~w: an Erlang ref's text length varies from run to
%% run, so ~p would break lines at different places.
-module(make_ref_call).
-export([main/0]).

main() ->
    Server = spawn(fun server/0),
    Stale = make_ref(),
    self() ! unrelated1,
    self() ! {Stale, stale_reply},
    self() ! unrelated2,
    R1 = call(Server, {add, 1, 2}),
    R2 = call(Server, {add, 10, 20}),
    io:format("replies: ~p ~p~n", [R1, R2]),
    io:format("refs differ: ~p~n", [make_ref() =/= make_ref()]),
    io:format("left: ~w~n", [drain()]),
    io:format("timeout: ~p~n", [call(Server, ignore_me)]),
    Server ! stop.

call(Server, Request) ->
    Ref = make_ref(),
    Server ! {call, self(), Ref, Request},
    receive
        {Ref, Reply} -> Reply
    after 50 -> timeout
    end.

server() ->
    receive
        {call, From, Ref, {add, A, B}} ->
            From ! unrelated_noise,
            From ! {Ref, A + B},
            server();
        {call, _, _, _} ->
            server();
        stop ->
            ok
    end.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
