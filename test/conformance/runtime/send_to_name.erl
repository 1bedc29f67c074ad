%% Sending to a registered name, and to {Name, node()}.
-module(send_to_name).
-export([main/0]).

main() ->
    Self = self(),
    P = spawn(fun() -> echo(Self) end),
    register(conf_echo, P),
    conf_echo ! {hello, 1},
    receive {echo, M1} -> io:format("echo: ~p~n", [M1]) end,
    {conf_echo, node()} ! {hello, 2},
    receive {echo, M2} -> io:format("echo: ~p~n", [M2]) end,
    io:format("send returns the message: ~p~n", [conf_echo ! {hello, 3}]),
    receive {echo, M3} -> io:format("echo: ~p~n", [M3]) end,
    register(conf_self, self()),
    conf_self ! to_myself,
    receive to_myself -> io:format("got to_myself~n") end,
    unregister(conf_self),
    conf_echo ! stop,
    receive {echo, stop} -> ok end.

echo(To) ->
    receive
        stop -> To ! {echo, stop};
        M -> To ! {echo, M}, echo(To)
    end.
