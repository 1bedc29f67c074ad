%% connect on a socket that is already connected (OTP answers ok, the
%% kernel's EISCONN being how a nowait connect completes), and on a
%% listening socket (eisconn).
-module(connect_connected).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    {ok, #{port := Port}} = socket:sockname(LS),
    io:format("again: ~w~n", [socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port})]),
    io:format("again nowait: ~w~n", [socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}, nowait)]),
    io:format("listening: ~w~n", [socket:connect(LS, #{family => inet, addr => {127, 0, 0, 1}, port => Port})]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

pair() ->
    {LS, Port} = listener(),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    {LS, C, S}.
