%% sendmsg and recvmsg on a stream: the iov's binaries go as one stream;
%% recvmsg takes what is there, at most BufSz; a msg without iov is badarg;
%% a nowait recvmsg selects with the tag recvmsg.
-module(msg_stream).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    io:format("~w~n", [socket:sendmsg(C, #{iov => [<<"a">>, <<"bc">>]})]),
    timer:sleep(20),
    io:format("~w~n", [socket:recvmsg(S, 1000)]),
    ok = socket:send(C, <<"12345">>),
    timer:sleep(20),
    io:format("~w~n", [socket:recvmsg(S, 2, 0, [], 1000)]),
    io:format("~w~n", [socket:recvmsg(S, 0, 0, 1000)]),
    io:format("~w~n", [socket:recvmsg(S, [], 50)]),
    try socket:sendmsg(C, #{foo => 1}) of R -> io:format("~w~n", [R]) catch error:E -> io:format("error:~w~n", [E]) end,
    case socket:recvmsg(S, nowait) of
        {select, {select_info, Tag, H}} ->
            io:format("select ~w~n", [Tag]),
            ok = socket:sendmsg(C, #{iov => [<<"late">>]}, 1000),
            receive {'$socket', S, select, H} -> io:format("select message~n") after 1000 -> io:format("none~n") end,
            io:format("~w~n", [socket:recvmsg(S, nowait)]);
        Other ->
            io:format("~w~n", [Other])
    end,
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
