%% The Erlang/OTP server of the tcp benchmarks: a gen_tcp echo server with one
%% process per connection, in {active, once} or passive mode, the same code as
%% bench/cases/tcp-server.ts runs on erlts. It listens on 127.0.0.1, port 0,
%% prints {"port": N}, then answers bench/cases/tcp-client.ts's commands, one
%% line each on stdin: `conns` (connections accepted so far) and `mem`
%% (erlang:memory(total) after a collection of every process), as JSON lines.
%%   erl -noshell -pa DIR -eval 'erlts_tcp_bench:main(["once"])'
-module(erlts_tcp_bench).
-export([main/1]).

main(["socket"]) ->
    %% The socket module's echo: recv(S, 0, nowait) and the select message, as the
    %% socket usage guide's asynchronous loop.
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:setopt(LS, {socket, reuseaddr}, true),
    ok = socket:bind(LS, #{family => inet, addr => {127, 0, 0, 1}, port => 0}),
    ok = socket:listen(LS, 1024),
    {ok, #{port := Port}} = socket:sockname(LS),
    Conns = counters:new(1, [write_concurrency]),
    spawn(fun() -> socket_acceptor(LS, Conns) end),
    io:format("{\"port\":~p}~n", [Port]),
    commands(Conns);
main([Mode0]) ->
    Mode = list_to_existing_atom(Mode0),
    Active = case Mode of once -> once; passive -> false end,
    {ok, LS} = gen_tcp:listen(0, [binary, {active, Active}, {backlog, 1024}, {nodelay, true},
                                  {reuseaddr, true}, {ip, {127, 0, 0, 1}}]),
    {ok, Port} = inet:port(LS),
    Conns = counters:new(1, [write_concurrency]),
    spawn(fun() -> acceptor(LS, Mode, Conns) end),
    io:format("{\"port\":~p}~n", [Port]),
    commands(Conns).

commands(Conns) ->
    case io:get_line("") of
        eof -> halt(0);
        {error, _} -> halt(0);
        Line ->
            case string:trim(Line) of
                "conns" ->
                    io:format("{\"conns\":~p}~n", [counters:get(Conns, 1)]);
                "mem" ->
                    [erlang:garbage_collect(P) || P <- processes()],
                    io:format("{\"heap\":~p}~n", [erlang:memory(total)]);
                _ ->
                    ok
            end,
            commands(Conns)
    end.

socket_acceptor(LS, Conns) ->
    case socket:accept(LS) of
        {ok, S} ->
            spawn(fun() -> socket_acceptor(LS, Conns) end),
            counters:add(Conns, 1, 1),
            ok = socket:setopt(S, {tcp, nodelay}, true),
            socket_loop(S);
        {error, _} ->
            ok
    end.

socket_loop(S) ->
    case socket:recv(S, 0, nowait) of
        {ok, Data} ->
            socket:send(S, Data),
            socket_loop(S);
        {select, {select_info, _, Handle}} ->
            receive
                {'$socket', S, select, Handle} -> socket_loop(S);
                {'$socket', S, abort, _} -> socket:close(S)
            end;
        {error, _} ->
            socket:close(S)
    end.

%% Each acceptor serves the connection it accepts, after starting the next acceptor.
acceptor(LS, Mode, Conns) ->
    case gen_tcp:accept(LS) of
        {ok, S} ->
            spawn(fun() -> acceptor(LS, Mode, Conns) end),
            counters:add(Conns, 1, 1),
            case Mode of
                once -> once_loop(S);
                passive -> passive_loop(S)
            end;
        {error, _} ->
            ok
    end.

once_loop(S) ->
    receive
        {tcp, S, Data} ->
            gen_tcp:send(S, Data),
            inet:setopts(S, [{active, once}]),
            once_loop(S);
        {tcp_closed, S} ->
            ok;
        {tcp_error, S, _} ->
            gen_tcp:close(S)
    end.

passive_loop(S) ->
    case gen_tcp:recv(S, 0) of
        {ok, Data} ->
            gen_tcp:send(S, Data),
            passive_loop(S);
        {error, _} ->
            gen_tcp:close(S)
    end.
