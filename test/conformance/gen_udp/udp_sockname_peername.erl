%% inet:sockname, port, peername on UDP sockets: bound to the any address by
%% default, to {ip, IP} or {ifaddr, IP} when asked ({ip, loopback} and
%% {ip, any} are taken too, and a sockaddr map as {ifaddr, Map}); peername
%% (and peernames) is {error, enotconn} until connect; socknames is the one
%% address. With both inet and inet6 in the options the first wins.
-module(udp_sockname_peername).
-export([main/0]).

main() ->
    [begin
         S = ok(gen_udp:open(0, Opts)),
         {ok, {IP, P}} = inet:sockname(S),
         io:format("~w: ~w ~w ~w ~w~n", [Opts, IP, inet:port(S) =:= {ok, P}, inet:peername(S),
                                         inet:socknames(S) =:= {ok, [{IP, P}]}]),
         ok = gen_udp:close(S)
     end || Opts <- [[], [{ip, {127, 0, 0, 1}}], [{ifaddr, {127, 0, 0, 1}}], [{ip, loopback}], [{ip, any}],
                     [{ifaddr, #{family => inet, addr => {127, 0, 0, 1}, port => 0}}],
                     [{ifaddr, #{family => inet, addr => loopback, port => 0}}],
                     [inet6, {ip, loopback}], [inet, inet6], [inet6, inet]]],
    A = ok(gen_udp:open(0, [{ip, {127, 0, 0, 1}}])),
    B = ok(gen_udp:open(0)),
    PA = ok(inet:port(A)),
    io:format("peernames: ~w~n", [inet:peernames(B)]),
    ok = gen_udp:connect(B, {127, 0, 0, 1}, PA),
    io:format("connected: ~w ~w~n", [inet:peername(B) =:= {ok, {{127, 0, 0, 1}, PA}},
                                     inet:peernames(B) =:= {ok, [{{127, 0, 0, 1}, PA}]}]),
    io:format("sockname: ~w~n", [element(1, ok(inet:sockname(B)))]),
    ok = gen_udp:close(A),
    ok = gen_udp:close(B).

ok({ok, X}) -> X.
