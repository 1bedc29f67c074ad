%% register/whereis/registered/unregister.
-module(register_whereis).
-export([main/0]).

main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    io:format("whereis before: ~p~n", [whereis(conf_reg)]),
    io:format("register: ~p~n", [register(conf_reg, P)]),
    io:format("whereis is the pid: ~p~n", [whereis(conf_reg) =:= P]),
    io:format("in registered(): ~p~n", [lists:member(conf_reg, registered())]),
    io:format("~p~n", [process_info(P, registered_name)]),
    io:format("unregister: ~p~n", [unregister(conf_reg)]),
    io:format("whereis after: ~p~n", [whereis(conf_reg)]),
    io:format("in registered(): ~p~n", [lists:member(conf_reg, registered())]),
    io:format("~p~n", [process_info(P, registered_name)]),
    register(conf_me, self()),
    io:format("registered self: ~p~n", [whereis(conf_me) =:= self()]),
    unregister(conf_me),
    P ! stop.
