%% The peer node's side of the dist conformance suite (test/conformance/dist.test.ts): what the
%% scenarios' driver node, an erl node or an erlts node, asks the one BEAM peer to run. The
%% scenarios call these functions by rpc, spawn them there, or talk to the processes start/0
%% registers. Each scenario leaves the peer as it found it.
-module(dist_peer).
-behaviour(gen_server).
-export([start/0, echo/0, echo_to/1, exit_with/1, exit_after/2, trap_and_report/1,
         linker/1, monitorer/1, sum/1, crash/1, slow/2, whereis_on/1, io_hello/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

%% Registers `dist_peer_echo` (a process that echoes `{From, Msg}` as `{dist_peer_echo, Msg}`)
%% and the gen_server `dist_peer_srv`. Neither is linked to the caller.
start() ->
    Echo = spawn(fun named_echo/0),
    true = register(dist_peer_echo, Echo),
    {ok, _} = gen_server:start({local, dist_peer_srv}, ?MODULE, [], []),
    ok.

named_echo() ->
    receive
        {From, Msg} -> From ! {dist_peer_echo, Msg}
    end,
    named_echo().

%% A process that answers `{From, Msg}` with `{self(), Msg}`, exits on `{exit, Reason}`, ends
%% normally on `stop`.
echo() ->
    receive
        {exit, Reason} -> exit(Reason);
        stop -> ok;
        {From, Msg} -> From ! {self(), Msg}, echo()
    end.

%% Sends `To` every message it gets, as `{got, Msg}`, until `stop`.
echo_to(To) ->
    receive
        stop -> ok;
        Msg -> To ! {got, Msg}, echo_to(To)
    end.

exit_with(Reason) -> exit(Reason).

exit_after(Ms, Reason) ->
    timer:sleep(Ms),
    exit(Reason).

%% Traps exits, links to `To`, says `{linked, self()}` to it, then reports every message it gets
%% to `To` as `{trapped, Msg}` (until `stop`).
trap_and_report(To) ->
    process_flag(trap_exit, true),
    link(To),
    To ! {linked, self()},
    report(To).

report(To) ->
    receive
        stop -> ok;
        Msg -> To ! {trapped, Msg}, report(To)
    end.

%% Links to `Target` and waits; dies with whatever signal reaches it.
linker(Target) ->
    link(Target),
    receive stop -> ok end.

%% Monitors `Target` (a pid or a {Name, Node}) and sends the DOWN to `To`.
monitorer({Target, To}) ->
    Ref = erlang:monitor(process, Target),
    To ! {monitoring, self()},
    receive
        {'DOWN', Ref, process, Object, Info} -> To ! {down_seen, Object, Info}
    end.

sum(L) -> lists:sum(L).

crash(error) -> error(boom);
crash(throw) -> throw(boom);
crash(exit) -> exit(boom).

slow(Ms, Value) ->
    timer:sleep(Ms),
    Value.

whereis_on(Name) -> whereis(Name).

%% Prints through the caller's group leader (the driver's, for a process spawned from it).
io_hello(Who) -> io:format("hello ~w~n", [Who]).

%% dist_peer_srv: a gen_server of a few calls.
init([]) -> {ok, #{}}.

handle_call({echo, X}, _From, S) -> {reply, X, S};
handle_call({put, K, V}, _From, S) -> {reply, maps:get(K, S, undefined), S#{K => V}};
handle_call({get, K}, _From, S) -> {reply, maps:get(K, S, undefined), S};
handle_call({sleep, Ms}, _From, S) -> timer:sleep(Ms), {reply, slept, S};
handle_call(clear, _From, _S) -> {reply, ok, #{}};
handle_call(whoami, {Pid, _}, S) -> {reply, node(Pid), S};
handle_call({reply_later, Ms}, From, S) ->
    erlang:send_after(Ms, self(), {reply, From}),
    {noreply, S}.

handle_cast({put, K, V}, S) -> {noreply, S#{K => V}};
handle_cast({tell, To, Msg}, S) -> To ! Msg, {noreply, S}.

handle_info({reply, From}, S) -> gen_server:reply(From, late), {noreply, S};
handle_info(_, S) -> {noreply, S}.
