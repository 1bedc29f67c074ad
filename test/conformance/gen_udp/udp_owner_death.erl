%% A socket is linked to its owner: when the owner exits, normally or not,
%% the socket closes, and an inet:monitor on it gets {'DOWN', Ref, port, S,
%% Reason} with the owner's exit reason. Sending to its old port is still ok
%% (UDP). From gen_udp_SUITE:socket_monitor2.
-module(udp_owner_death).
-export([main/0]).

main() ->
    Self = self(),
    Other = ok(gen_udp:open(0, [binary, {active, false}])),
    [begin
         {Owner, ORef} = spawn_monitor(fun() ->
                                               {ok, S} = gen_udp:open(0, [binary, {active, true}]),
                                               Self ! {sock, S},
                                               receive stop -> exit(Reason) end
                                       end),
         S = receive {sock, X} -> X end,
         P = ok(inet:port(S)),
         M = inet:monitor(S),
         case Reason of
             kill -> exit(Owner, kill);
             _ -> Owner ! stop
         end,
         receive {'DOWN', ORef, process, Owner, R1} -> io:format("owner: ~w~n", [R1]) end,
         receive {'DOWN', M, Type, S, R2} -> io:format("socket: ~w ~w~n", [Type, R2])
         after 1000 -> io:format("no DOWN~n")
         end,
         io:format("send to its port: ~w~n", [gen_udp:send(Other, {127, 0, 0, 1}, P, <<"anyone?">>)]),
         io:format("send on it: ~w, port: ~w~n", [gen_udp:send(S, {127, 0, 0, 1}, P, <<"x">>), inet:port(S)])
     end || Reason <- [normal, kill, foo]],
    timer:sleep(20),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_udp:close(Other).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
