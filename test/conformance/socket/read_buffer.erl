%% The NIF's read buffer, {otp, rcvbuf} (8192 bytes by default): a datagram
%% read with no size is cut to it (recvmsg flags trunc), a stream read of
%% what is there takes at most it ({N, Size}: N buffers of Size); a size
%% given wins. setopt/4 sets it as setopt/3 does; default resets it; 0, -1,
%% 1.5 and {0, 1024} are invalid.
-module(read_buffer).
-export([main/0]).

main() ->
    {R, RA} = bound(),
    {ok, W} = socket:open(inet, dgram, udp),
    Big = binary:copy(<<"x">>, 10000),
    Sizes = fun(Label, Read) ->
                    ok = socket:sendto(W, Big, RA),
                    io:format("~s: ~w~n", [Label, Read()])
            end,
    Sizes("recvfrom 0", fun() -> {ok, {_, D}} = socket:recvfrom(R, 0, 1000), byte_size(D) end),
    Sizes("recv 0", fun() -> {ok, D} = socket:recv(R, 0, 1000), byte_size(D) end),
    Sizes("recvmsg", fun() -> {ok, M} = socket:recvmsg(R, 1000), msg(M) end),
    Sizes("recvfrom 20000", fun() -> {ok, {_, D}} = socket:recvfrom(R, 20000, 1000), byte_size(D) end),
    io:format("setopt/4 100: ~w~n", [socket:setopt(R, otp, rcvbuf, 100)]),
    io:format("getopt/3: ~w~n", [socket:getopt(R, otp, rcvbuf)]),
    Sizes("recvfrom 0 at 100", fun() -> {ok, {_, D}} = socket:recvfrom(R, 0, 1000), byte_size(D) end),
    Sizes("recvfrom 5000 at 100", fun() -> {ok, {_, D}} = socket:recvfrom(R, 5000, 1000), byte_size(D) end),
    Sizes("recv 0 at 100", fun() -> {ok, D} = socket:recv(R, 0, 1000), byte_size(D) end),
    Sizes("recvmsg 0 0 at 100", fun() -> {ok, M} = socket:recvmsg(R, 0, 0, 1000), msg(M) end),
    ok = socket:setopt(R, {otp, rcvbuf}, {2, 1024}),
    io:format("getopt {2, 1024}: ~w~n", [socket:getopt(R, {otp, rcvbuf})]),
    Sizes("recvfrom 0 at {2, 1024}", fun() -> {ok, {_, D}} = socket:recvfrom(R, 0, 1000), byte_size(D) end),
    ok = socket:setopt(R, {otp, rcvbuf}, 20000),
    Sizes("recvfrom 0 at 20000", fun() -> {ok, {_, D}} = socket:recvfrom(R, 0, 1000), byte_size(D) end),
    io:format("default: ~w ~w~n", [socket:setopt(R, {otp, rcvbuf}, default), socket:getopt(R, {otp, rcvbuf})]),
    [io:format("setopt ~w: ~w~n", [V, socket:setopt(R, {otp, rcvbuf}, V)])
     || V <- [0, -1, 1.5, {0, 1024}, {1, 0}, {a, 1}, [2, 1024], foo]],
    io:format("setopt/4 bad: ~w ~w~n", [socket:setopt(R, foo, rcvbuf, 1), socket:setopt(R, socket, reuseaddr, 1)]),
    io:format("setopt/4 then getopt: ~w ~w~n", [socket:setopt(R, socket, reuseaddr, true), socket:getopt(R, {socket, reuseaddr})]),
    io:format("setopt/4 not a socket: ~w~n", [catch_(fun() -> socket:setopt(foo, socket, reuseaddr, true) end)]),
    io:format("setopt/4 level not an atom: ~w~n", [catch_(fun() -> socket:setopt(R, "socket", reuseaddr, true) end)]),
    stream(),
    [ok = socket:close(X) || X <- [R, W]],
    ok.

stream() ->
    {ok, L} = socket:open(inet, stream, tcp),
    ok = socket:bind(L, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(L),
    {ok, LA} = socket:sockname(L),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, LA),
    {ok, A} = socket:accept(L),
    ok = socket:send(C, binary:copy(<<"y">>, 60000)),
    timer:sleep(100),
    {ok, S1} = socket:recv(A, 0, 1000),
    io:format("stream recv 0: ~w~n", [byte_size(S1)]),
    ok = socket:setopt(A, otp, rcvbuf, 1000),
    {ok, S2} = socket:recv(A, 0, 1000),
    {ok, {_, S3}} = socket:recvfrom(A, 0, 1000),
    {ok, M} = socket:recvmsg(A, 1000),
    io:format("stream at 1000: ~w ~w ~w~n", [byte_size(S2), byte_size(S3), msg(M)]),
    ok = socket:setopt(A, {otp, rcvbuf}, {3, 1000}),
    {ok, S4} = socket:recv(A, 0, [peek], 1000),
    {ok, S5} = socket:recv(A, 0, 1000),
    {ok, S6} = socket:recv(A, 5000, 1000),
    io:format("stream at {3, 1000}: ~w ~w ~w~n", [byte_size(S4), byte_size(S5), byte_size(S6)]),
    [ok = socket:close(X) || X <- [A, C, L]],
    ok.

msg(#{iov := Iov, flags := Flags}) ->
    {[byte_size(B) || B <- Iov], Flags}.

bound() ->
    {ok, S} = socket:open(inet, dgram, udp),
    ok = socket:bind(S, #{family => inet, addr => loopback, port => 0}),
    {ok, SA} = socket:sockname(S),
    {S, SA}.

catch_(F) ->
    try F() of
        V -> {returned, V}
    catch
        C:R -> {C, R}
    end.
