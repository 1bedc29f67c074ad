%% inet:getopts/2 with a name that is not in a list: OTP 25 fails with
%% function_clause (in prim_inet:getopts/2); the reason's head is printed.
-module(getopts_not_a_list).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    {'EXIT', {Reason, _Stack}} = (catch inet:getopts(LS, active)),
    io:format("getopts not a list: ~w~n", [Reason]),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
