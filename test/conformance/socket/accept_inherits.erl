%% A socket accept makes takes the options set on its listening socket
%% (linger, keepalive, nodelay, reuseaddr, the receive buffer, {otp, rcvbuf},
%% {otp, iow}), but not the priority.
-module(accept_inherits).
-export([main/0]).

main() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    [ok = socket:setopt(LS, Opt, Value) || {Opt, Value} <- options()],
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS),
    [io:format("~w ~w~n", [Opt, socket:getopt(S, Opt)]) || {Opt, _} <- options()],
    io:format("~w ~w~n", [acceptconn, socket:getopt(S, {socket, acceptconn})]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.

options() ->
    [{{socket, linger}, #{onoff => true, linger => 0}},
     {{socket, keepalive}, true},
     {{tcp, nodelay}, true},
     {{socket, reuseaddr}, true},
     {{socket, rcvbuf}, 50000},
     {{otp, rcvbuf}, 1000},
     {{otp, iow}, true},
     {{socket, priority}, 3}].
