/**
 * The processes a distributed node runs for its peers, as OTP's kernel runs them:
 * - `net_kernel`, registered: answers `{is_auth, Node}` with `yes` (what net_adm:ping asks);
 * - a group leader for the processes other nodes spawn here and for the processes this node
 *   spawns elsewhere: it answers the io protocol (`{io_request, From, ReplyAs, Request}`) by
 *   writing output to this node's standard output, so that `io:format` in a process spawned on a
 *   BEAM node by an erlts process prints here and never waits for an answer that does not come.
 */

import {
  ErlangError,
  _,
  apply,
  io,
  io_lib,
  is_list,
  on,
  receive,
  register,
  send,
  type Pid,
} from '../../runtime/index.js';
import { spawnLibraryProcess } from '../../runtime/internal/dist-api.js';

/** The net_kernel process: gen_server calls it answers, until `stop` is sent to it. */
export function startNetKernelProcess(): Pid {
  const [pid] = spawnLibraryProcess('net_kernel:start/2', netKernelLoop, [], {
    system: true,
    initialCall: ['net_kernel', 'init', 1],
  });
  register('net_kernel', pid);
  return pid;
}

async function netKernelLoop(): Promise<void> {
  {
    for (;;) {
      const msg = await receive(on(['$gen_call', [_, _], _]), on('stop'), on(_));
      if (msg === 'stop') return;
      if (Array.isArray(msg) && msg[0] === '$gen_call') {
        const [, from, request] = msg as [string, [Pid, unknown], unknown];
        const answer =
          Array.isArray(request) && request[0] === 'is_auth' ? 'yes' : ['error', 'not_supported'];
        reply(from, answer);
      }
    }
  }
}

/** gen:reply/2's shape: `{Tag, Reply}` to the caller (a BEAM caller's tag may be `[alias|Ref]`). */
function reply(from: [Pid, unknown], answer: unknown): void {
  try {
    send(from[0], [from[1], answer]);
  } catch {
    // A caller that cannot be reached is gone: nothing to answer.
  }
}

/** The group leader: io requests answered, output written here. */
export function startGroupLeader(): Pid {
  return spawnLibraryProcess('net_kernel:start/2', groupLeaderLoop, [], {
    system: true,
    initialCall: ['group', 'server', 3],
  })[0];
}

async function groupLeaderLoop(): Promise<void> {
  {
    for (;;) {
      const msg = await receive(on(['io_request', _, _, _]), on('stop'), on(_));
      if (msg === 'stop') return;
      if (!Array.isArray(msg) || msg[0] !== 'io_request') continue;
      const [, from, replyAs, request] = msg as [string, Pid, unknown, unknown];
      send(from, ['io_reply', replyAs, ioRequest(request)]);
    }
  }
}

/**
 * The characters of a `{put_chars, M, F, A}` request: io_lib:format/2 (and fwrite/2) by erlts's
 * io_lib, whose format is a string as a JS string or any chardata; any other function of a
 * registered module by apply/3.
 */
function applied([m, f, a]: unknown[]): unknown {
  if (!is_list(a)) throw new ErlangError('badarg');
  if (m === 'io_lib' && (f === 'format' || f === 'fwrite') && a.length === 2) {
    const [format, args] = a as [unknown, unknown[]];
    return io_lib.format(typeof format === 'string' ? format : io_lib.format('~ts', [format]), args);
  }
  return apply(m as string, f as string, a);
}

/** One request of the io protocol: output is written; input there is none. */
function ioRequest(request: unknown): unknown {
  if (!Array.isArray(request)) return ['error', 'request'];
  switch (request[0]) {
    case 'put_chars':
      try {
        // {put_chars, Encoding, Chars}, {put_chars, Chars}: the characters are the last element;
        // {put_chars, Encoding, M, F, A}, {put_chars, M, F, A} (what io:format sends): they are
        // what M:F(A...) returns.
        if (request.length === 3 || request.length === 2) io.put_chars(request[request.length - 1]);
        else if (request.length === 5 || request.length === 4) io.put_chars(applied(request.slice(-3)));
        else return ['error', 'enotsup'];
        return 'ok';
      } catch {
        return ['error', 'put_chars'];
      }
    case 'requests': {
      for (const r of (request[1] ?? []) as unknown[]) {
        const answer = ioRequest(r);
        if (answer !== 'ok') return answer;
      }
      return 'ok';
    }
    case 'get_geometry':
      return ['error', 'enotsup'];
    default:
      return ['error', 'enotsup'];
  }
}
