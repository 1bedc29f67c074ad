%% The Erlang/OTP server of the udp benchmarks: a gen_udp echo server, one process owning
%% the socket, in {active, 100} (re-armed on udp_passive), {active, true} or passive mode,
%% the same code as bench/cases/udp-server.ts runs on erlts. It opens 127.0.0.1, port 0,
%% with a receive buffer of 256 KiB, prints {"port": N}, and halts when stdin closes (bench/cases/udp-client.ts drives it).
%%   erl -noshell -pa DIR -eval 'erlts_udp_bench:main(["active"])'
-module(erlts_udp_bench).
-export([main/1]).

-define(ACTIVE_N, 100).
%% OTP's default recbuf, 8 KiB, holds fewer datagrams than the load client keeps in flight.
-define(RECBUF, 256 * 1024).

main([Mode0]) ->
    Mode = list_to_existing_atom(Mode0),
    Active = case Mode of active -> ?ACTIVE_N; true -> true; passive -> false end,
    Parent = self(),
    %% The socket's owner is the echo loop, as on erlts; the shell-less main process reads stdin.
    spawn(fun() ->
                  {ok, S} = gen_udp:open(0, [binary, {active, Active}, {recbuf, ?RECBUF},
                                             {ip, {127, 0, 0, 1}}]),
                  {ok, Port} = inet:port(S),
                  Parent ! {port, Port},
                  case Mode of
                      active -> active_loop(S);
                      true -> true_loop(S);
                      passive -> passive_loop(S)
                  end
          end),
    receive {port, Port} -> io:format("{\"port\":~p}~n", [Port]) end,
    wait_eof().

wait_eof() ->
    case io:get_line("") of
        eof -> halt(0);
        {error, _} -> halt(0);
        _ -> wait_eof()
    end.

active_loop(S) ->
    receive
        {udp, S, IP, Port, Data} ->
            gen_udp:send(S, IP, Port, Data),
            active_loop(S);
        {udp_passive, S} ->
            inet:setopts(S, [{active, ?ACTIVE_N}]),
            active_loop(S)
    end.

true_loop(S) ->
    receive
        {udp, S, IP, Port, Data} ->
            gen_udp:send(S, IP, Port, Data),
            true_loop(S)
    end.

passive_loop(S) ->
    {ok, {IP, Port, Data}} = gen_udp:recv(S, 0),
    gen_udp:send(S, IP, Port, Data),
    passive_loop(S).
