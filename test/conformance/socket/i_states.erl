%% socket:i/2's state column for a listening socket, then for it, a
%% connected and an accepted socket: OTP's abbreviations of each socket's
%% read and write states. Only inet6 sockets are listed: this scenario's own.
-module(i_states).
-export([main/0]).

main() ->
    {ok, LS} = socket:open(inet6, stream, tcp),
    ok = socket:bind(LS, #{family => inet6, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    ok = socket:i(inet6, [domain, type, protocol, state]),
    {ok, C} = socket:open(inet6, stream, tcp),
    ok = socket:connect(C, #{family => inet6, addr => loopback, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    ok = socket:i(inet6, [domain, type, protocol, state]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.
