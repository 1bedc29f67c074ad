%% The other framed packet types read whole packets, header included, from
%% bytes sent in pieces: sunrm, tpkt, asn1 and fcgi; what follows the
%% packet stays in the socket.
-module(packet_other_types).
-export([main/0]).

main() ->
    Cases = [{sunrm, <<1:1, 5:31, "hello">>},
             {tpkt, <<3, 0, 9:16, "hello">>},
             {asn1, <<16#04, 5, "hello">>},
             {asn1, <<16#30, 16#81, 3, 1, 2, 3>>},
             {fcgi, <<1, 5, 1:16, 5:16, 2, 0, "hello", 0, 0>>}],
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    [begin
         C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
         S = ok(gen_tcp:accept(LS)),
         ok = inet:setopts(S, [{packet, Type}]),
         Size = byte_size(Packet),
         <<First:3/binary, Rest/binary>> = <<Packet/binary, "next">>,
         ok = gen_tcp:send(C, First),
         timer:sleep(10),
         ok = gen_tcp:send(C, Rest),
         {ok, Got} = gen_tcp:recv(S, 0, 1000),
         io:format("~w: sent ~w, got ~w, a prefix: ~w~n",
                   [Type, Size, byte_size(Got), binary:longest_common_prefix([Got, Packet]) =:= byte_size(Got)]),
         ok = inet:setopts(S, [{packet, raw}, {active, once}]),
         receive {tcp, S, After} -> io:format("then: ~p~n", [After]) after 1000 -> io:format("nothing~n") end,
         ok = gen_tcp:close(C),
         ok = gen_tcp:close(S)
     end || {Type, Packet} <- Cases],
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
