%% setopts rejects a malformed option with {error, einval} and applies
%% nothing of the list; options that only open can set, getopts of an
%% unknown name, and either call on a closed socket are einval too.
-module(setopts_einval).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    Bad = [[{active, maybe}], [{packet, 3}], [{mode, text}], [bogus], [{nodelay, 1}],
           [{packet_size, -1}], [{linger, {true, -1}}], [{header, -1}],
           [{send_timeout, -5}], [{ip, {127, 0, 0, 1}}], [{port, 80}], [inet6],
           [{backlog, 5}], [{active, true}, {packet, 7}]],
    [io:format("~w: ~w~n", [Opts, inet:setopts(C, Opts)]) || Opts <- Bad],
    io:format("unchanged: ~w~n", [inet:getopts(C, [active, packet])]),
    io:format("getopts bogus: ~w~n", [inet:getopts(C, [active, bogus])]),
    ok = gen_tcp:close(C),
    io:format("closed setopts: ~w~n", [inet:setopts(C, [{active, true}])]),
    io:format("closed getopts: ~w~n", [inet:getopts(C, [active])]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
