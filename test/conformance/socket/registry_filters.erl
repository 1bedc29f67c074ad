%% socket:number_of/0 and which_sockets/0,1: counts move with open and
%% close; filters by domain, type, protocol, owner pid and a fun on the
%% socket's info map.
-module(registry_filters).
-export([main/0]).

main() ->
    N0 = socket:number_of(),
    {LS, C, S} = pair(),
    {ok, U} = socket:open(inet, stream, tcp),
    {ok, Hidden} = socket:open(inet, stream, tcp, #{use_registry => false}),
    io:format("opened: ~w~n", [socket:number_of() - N0]),
    Mine = [LS, C, S, U],
    All = socket:which_sockets(),
    io:format("all: ~w ~w~n", [[lists:member(X, All) || X <- Mine], lists:member(Hidden, All)]),
    io:format("by owner: ~w~n", [lists:sort(socket:which_sockets(self())) =:= lists:sort(Mine)]),
    io:format("inet: ~w~n", [[lists:member(X, socket:which_sockets(inet)) || X <- Mine]]),
    io:format("inet6: ~w~n", [[lists:member(X, socket:which_sockets(inet6)) || X <- Mine]]),
    io:format("stream: ~w~n", [[lists:member(X, socket:which_sockets(stream)) || X <- Mine]]),
    io:format("dgram: ~w~n", [[lists:member(X, socket:which_sockets(dgram)) || X <- Mine]]),
    io:format("tcp: ~w~n", [[lists:member(X, socket:which_sockets(tcp)) || X <- Mine]]),
    Self = self(),
    Fun = fun(#{owner := O, domain := D, type := T, protocol := P}) -> O =:= Self andalso {D, T, P} =:= {inet, stream, tcp} end,
    io:format("fun: ~w~n", [length(socket:which_sockets(Fun))]),
    Other = spawn(fun() -> receive stop -> ok end end),
    io:format("other owner: ~w~n", [socket:which_sockets(Other)]),
    exit(Other, kill),
    ok = socket:close(U),
    io:format("after close: ~w ~w~n", [socket:number_of() - N0, lists:member(U, socket:which_sockets())]),
    [ok = socket:close(X) || X <- [LS, C, S, Hidden]],
    io:format("after all: ~w~n", [socket:number_of() - N0]),
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
