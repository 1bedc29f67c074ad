%% More of the peer node's side of the dist conformance suite (see dist_peer.erl): processes the
%% `dca_` scenarios (signals across nodes) spawn on the peer. Each reports to the driver process
%% `To` it is given, so the scenario can wait for what it needs to happen before going on.
-module(dist_peer_a).
-export([trapper/1, watcher/1, link_ack/2, monitor_ack/2]).

%% Traps exits without linking to anyone, says `{trapping, self()}` to `To`, then reports every
%% message it gets to `To` as `{trapped, Msg}` (until `stop`).
trapper(To) ->
    process_flag(trap_exit, true),
    To ! {trapping, self()},
    report(To).

%% Traps exits and obeys `{link, Pid}` and `{unlink, Pid}` (answering `{linked, Pid}` and
%% `{unlinked, Pid}`); every other message is reported to `To` as `{trapped, Msg}` (until `stop`).
watcher(To) ->
    process_flag(trap_exit, true),
    To ! {watching, self()},
    watch(To).

watch(To) ->
    receive
        stop -> ok;
        {link, Pid} -> link(Pid), To ! {linked, Pid}, watch(To);
        {unlink, Pid} -> unlink(Pid), To ! {unlinked, Pid}, watch(To);
        Msg -> To ! {trapped, Msg}, watch(To)
    end.

%% Links to `Target` (not trapping exits), says `{linked, self()}` to `To`, and waits for `stop`;
%% an exit signal from `Target` kills it.
link_ack(Target, To) ->
    link(Target),
    To ! {linked, self()},
    receive stop -> ok end.

%% Monitors `Target` (a pid, a name or `{Name, Node}`), says `{monitoring, self()}` to `To`, and
%% sends `To` the DOWN as `{down_seen, Object, Info}` (or `demonitored` on `{demonitor, From}`,
%% answered with what demonitor/2 with `info` says).
monitor_ack(Target, To) ->
    Ref = erlang:monitor(process, Target),
    To ! {monitoring, self()},
    receive
        {'DOWN', Ref, process, Object, Info} -> To ! {down_seen, Object, Info};
        {demonitor, From} -> From ! {demonitored, erlang:demonitor(Ref, [info])}
    end.

report(To) ->
    receive
        stop -> ok;
        Msg -> To ! {trapped, Msg}, report(To)
    end.
