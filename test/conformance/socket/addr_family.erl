%% Addresses of another family than the socket's, on bind, connect, sendto
%% and sendmsg: an inet socket says eafnosupport, or einval for an address
%% too short to be a sockaddr_in (a short local path); an inet6 socket says
%% einval for an inet address (shorter than a sockaddr_in6), except a
%% datagram socket's connect and sendto, which take it as v4-mapped; a
%% local socket says einval; any and loopback are for bind only.
-module(addr_family).
-export([main/0]).

main() ->
    Kinds = [{inet, stream}, {inet6, stream}, {inet, dgram}, {inet6, dgram}, {local, stream}],
    {ok, L} = socket:open(inet, stream),
    ok = socket:bind(L, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(L),
    {ok, #{port := Port}} = socket:sockname(L),
    [try_(bind, D, T, Name, fun(S) -> socket:bind(S, A) end)
     || {D, T} <- Kinds, {Name, A} <- addrs(0), not (D =:= local andalso is_local(A))],
    [try_(connect, D, T, Name, fun(S) -> socket:connect(S, A) end)
     || {D, T} <- Kinds, {Name, A} <- addrs(Port), not (D =:= local andalso is_local(A))],
    [try_(sendto, D, dgram, Name, fun(S) -> socket:sendto(S, <<"x">>, A) end)
     || D <- [inet, inet6], {Name, A} <- addrs(9)],
    [try_(sendmsg, D, dgram, Name, fun(S) -> socket:sendmsg(S, #{iov => [<<"x">>], addr => A}) end)
     || D <- [inet, inet6], {Name, A} <- addrs(9), is_map(A)],
    ok = socket:close(L),
    ok.

addrs(Port) ->
    [{inet_tuple, #{family => inet, addr => {127, 0, 0, 1}, port => Port}},
     {inet_any, #{family => inet, addr => any, port => Port}},
     {inet_loopback, #{family => inet, addr => loopback, port => Port}},
     {inet6_tuple, #{family => inet6, addr => {0, 0, 0, 0, 0, 0, 0, 1}, port => Port}},
     {inet6_any, #{family => inet6, addr => any, port => Port}},
     {inet6_loopback, #{family => inet6, addr => loopback, port => Port}},
     {inet6_mapped, #{family => inet6, addr => {0, 0, 0, 0, 0, 16#ffff, 16#7f00, 1}, port => Port}},
     {local_short, #{family => local, path => "/tmp/erlts"}},
     {local_long, #{family => local, path => lists:duplicate(30, $a)}},
     {any, any}, {loopback, loopback}, {integer, 42}].

is_local(#{family := local}) -> true;
is_local(_) -> false.

try_(Op, D, T, Name, Fun) ->
    {ok, S} = socket:open(D, T),
    try Fun(S) of
        R -> io:format("~w ~w ~w ~w: ~w~n", [Op, D, T, Name, R])
    catch
        Class:Reason -> io:format("~w ~w ~w ~w: ~w:~w~n", [Op, D, T, Name, Class, Reason])
    end,
    ok = socket:close(S).
