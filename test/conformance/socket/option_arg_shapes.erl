%% Socket options of the wrong shape: getopt/2, setopt/3 and setopt_native/3
%% throw {invalid, {socket_option, Opt}} for what is no {Level, Name} of two
%% atoms (getopt_native returns it); setopt of the controlling process to a
%% non-pid returns the error, to a dead process ok (and the socket, whose
%% owner is dead, closes).
-module(option_arg_shapes).
-export([main/0]).

main() ->
    {ok, S} = socket:open(inet, stream, tcp),
    [try_(io_lib:format("getopt ~w", [O]), fun() -> socket:getopt(S, O) end)
     || O <- [foo, {a}, {a, b, c}, 42, [1], [socket, type], {1, 2}, {socket, 1}, {foo, bar}, {socket, foo}]],
    [try_(io_lib:format("setopt ~w", [O]), fun() -> socket:setopt(S, O, 1) end)
     || O <- [foo, {a}, {a, b, c}, 42, [1], {1, 2}, {socket, 1}, {foo, bar}, {socket, foo}]],
    [try_(io_lib:format("setopt_native ~w", [O]), fun() -> socket:setopt_native(S, O, 1) end)
     || O <- [foo, {a}, {a, b, c}, 42]],
    try_("getopt_native foo", fun() -> socket:getopt_native(S, foo, integer) end),
    try_("getopt/3 socket type", fun() -> socket:getopt(S, socket, type) end),
    try_("getopt/3 foo bar", fun() -> socket:getopt(S, foo, bar) end),
    try_("controlling_process foo", fun() -> socket:setopt(S, {otp, controlling_process}, foo) end),
    Self = self(),
    Dead = spawn(fun() -> ok end),
    Ref = monitor(process, Dead),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    try_("controlling_process dead", fun() -> socket:setopt(S, {otp, controlling_process}, Dead) end),
    io:format("then: ~w ~w~n", [socket:getopt(S, {otp, controlling_process}) =:= {ok, Self}, socket:close(S)]).

try_(What, Fun) ->
    try Fun() of
        R -> io:format("~s: returned ~w~n", [What, R])
    catch
        Class:Reason -> io:format("~s: ~w:~w~n", [What, Class, Reason])
    end.
