%% getopt_native/setopt_native by level and number: TCP_NODELAY and
%% SO_KEEPALIVE as integer, boolean or bytes; SO_TYPE and SO_DOMAIN read;
%% an unknown option, a bad value spec and a bad value.
-module(native_options).
-export([main/0]).

main() ->
    {ok, S} = socket:open(inet, stream, tcp),
    P = fun(X) -> io:format("~w~n", [X]) end,
    P(socket:getopt_native(S, foo, integer)),
    P(socket:getopt_native(S, {tcp, 1}, foo)),
    P(socket:getopt_native(S, {tcp, 1}, 4)),
    P(socket:getopt_native(S, {socket, 3}, integer)),
    P(socket:getopt_native(S, {1, 39}, integer)),
    P(socket:getopt_native(S, {socket, 9}, boolean)),
    P(socket:setopt_native(S, {socket, 9}, true)),
    P(socket:getopt_native(S, {socket, 9}, boolean)),
    P(socket:setopt_native(S, {tcp, 1}, <<1, 0, 0, 0>>)),
    P(socket:getopt_native(S, {tcp, 1}, integer)),
    P(socket:getopt(S, {tcp, nodelay})),
    P(socket:setopt_native(S, {tcp, 1}, foo)),
    P(socket:setopt_native(S, {foo, 1}, 1)),
    P(socket:getopt_native(S, {tcp, 9999}, integer)),
    P(socket:setopt_native(S, {tcp, 9999}, 1)),
    ok = socket:close(S),
    P(socket:getopt_native(S, {tcp, 1}, integer)),
    ok.
