// docs/fp.md, code block 3, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as fp from 'erlts/fp';
import * as gen_statem from 'erlts/gen_statem';
import { _, on, receive, spawn_monitor } from 'erlts';

// {Pid, Ref} = spawn_monitor(fun() ->
//     case gen_tcp:connect("localhost", 1, [], 1000) of {ok, S} -> S; {error, R} -> exit(R) end
// end),
// receive {'DOWN', Ref, process, Pid, Reason} -> Reason end    % econnrefused
const [Pid, Ref] = spawn_monitor(() => fp.runOrExit(fp.gen_tcp.connect('localhost', 1, [], 1000)));
const Reason = await receive(on(['DOWN', Ref, 'process', Pid, _], ([, , , , R]) => R));
// try gen_statem:call(door, open) catch exit:R -> R end
const Open = await fp.tryCatchExit(() => gen_statem.call('door', 'open'))();
console.log(Reason, Open); // econnrefused, left({noproc, {gen_statem, call, [door, open, infinity]}})
