%% The Erlang side of the conformance harness (see harness.ts).
%%
%% Runs every scenario module of a suite in this one node, one after the other.
%% Each scenario's main/0 runs in a fresh process whose group leader is a fresh
%% capture process, so its io:format output (and that of every process it
%% spawns) is collected apart from everything else the node prints (logger
%% reports go to `user`, and are switched off anyway). The transcript is
%% written to a file, framed by delimiter lines carrying a nonce:
%%
%%   \n@@<Nonce> begin <Name>\n<output>\n@@<Nonce> end <Name> <Status>\n
%%
%% Status is `ok`, `timeout`, or `crash <text>`. After each scenario every
%% process left in its group is killed, so names and timers do not leak into
%% the next one.
-module(erlts_conformance_runner).
-export([main/1]).

main([OutFile, Nonce, TimeoutText | Names]) ->
    try
        logger:set_primary_config(level, none),
        Timeout = list_to_integer(TimeoutText),
        {ok, Fd} = file:open(OutFile, [write, binary, raw]),
        lists:foreach(fun(Name) -> run_one(Fd, Nonce, Timeout, Name) end, Names),
        ok = file:close(Fd),
        halt(0)
    catch
        Class:Reason ->
            io:format(standard_error, "conformance runner failed: ~p:~p~n", [Class, Reason]),
            halt(2)
    end.

run_one(Fd, Nonce, Timeout, Name) ->
    Mod = list_to_atom(Name),
    ok = file:write(Fd, ["\n@@", Nonce, " begin ", Name, "\n"]),
    GL = spawn(fun() -> capture([]) end),
    {Pid, MRef} =
        spawn_monitor(fun() ->
                              group_leader(GL, self()),
                              try Mod:main() of
                                  _ -> exit(normal)
                              catch
                                  Class:Reason -> exit({'$crashed', Class, Reason})
                              end
                      end),
    Status =
        receive
            {'DOWN', MRef, process, Pid, Reason} -> status(Reason)
        after Timeout ->
            exit(Pid, kill),
            receive {'DOWN', MRef, process, Pid, _} -> ok end,
            <<"timeout">>
        end,
    kill_group(GL),
    GL ! {get, self()},
    Output = receive {output, GL, Bin} -> Bin end,
    ok = file:write(Fd, [Output, "\n@@", Nonce, " end ", Name, " ", Status, "\n"]).

status(normal) -> <<"ok">>;
status({'$crashed', Class, Reason}) -> crash(io_lib:format("~w:~0P", [Class, Reason, 12]));
status(Reason) -> crash(io_lib:format("exit:~0P", [Reason, 12])).

crash(Text) ->
    Flat = unicode:characters_to_binary(Text),
    <<"crash ", (binary:replace(Flat, <<"\n">>, <<" ">>, [global]))/binary>>.

%% Kills what the scenario left running (every process in its group) and waits
%% until they are gone, so their registered names are free again.
kill_group(GL) ->
    Left = [P || P <- processes(), P =/= self(), P =/= GL,
                 process_info(P, group_leader) =:= {group_leader, GL}],
    Refs = [monitor(process, P) || P <- Left],
    [exit(P, kill) || P <- Left],
    [receive {'DOWN', R, process, _, _} -> ok end || R <- Refs],
    ok.

%% A minimal io server: takes output requests, keeps the characters as UTF-8.
capture(Acc) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, Acc1} = request(Request, Acc),
            From ! {io_reply, ReplyAs, Reply},
            capture(Acc1);
        {get, From} ->
            From ! {output, self(), iolist_to_binary(lists:reverse(Acc))}
    end.

request({put_chars, Encoding, Chars}, Acc) ->
    put_chars(Encoding, Chars, Acc);
request({put_chars, Encoding, M, F, A}, Acc) ->
    try apply(M, F, A) of
        Chars -> put_chars(Encoding, Chars, Acc)
    catch
        _:_ -> {{error, F}, Acc}
    end;
request({put_chars, Chars}, Acc) ->
    put_chars(latin1, Chars, Acc);
request({put_chars, M, F, A}, Acc) ->
    request({put_chars, latin1, M, F, A}, Acc);
request({requests, Requests}, Acc) ->
    lists:foldl(fun(R, {ok, A}) -> request(R, A);
                   (_, Error) -> Error
                end, {ok, Acc}, Requests);
request(getopts, Acc) ->
    {[{binary, false}, {encoding, unicode}], Acc};
request(_, Acc) ->
    {{error, enotsup}, Acc}.

put_chars(unicode, Chars, Acc) -> to_utf8(unicode:characters_to_binary(Chars), Acc);
put_chars(latin1, Chars, Acc) -> to_utf8(unicode:characters_to_binary(Chars, latin1, unicode), Acc).

to_utf8(Bin, Acc) when is_binary(Bin) -> {ok, [Bin | Acc]};
to_utf8(_, Acc) -> {{error, put_chars}, Acc}.
