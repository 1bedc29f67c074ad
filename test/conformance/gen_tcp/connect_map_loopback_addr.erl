%% gen_tcp:connect/3 with a sockaddr map whose addr is the atom loopback:
%% OTP 25 accepts only an address tuple there (inet_tcp:do_connect has no
%% clause for it, so the call exits with function_clause).
-module(connect_map_loopback_addr).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    R = try gen_tcp:connect(#{family => inet, addr => loopback, port => Port}, [binary], 1000) of
            {ok, C} -> gen_tcp:close(C), ok;
            Other -> Other
        catch
            Class:{Reason, [_ | _]} -> {Class, Reason};
            Class:Reason -> {Class, Reason}
        end,
    io:format("~w~n", [R]),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
