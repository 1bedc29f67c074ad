/** Helpers for gen_tcp tests: real loopback sockets on port 0, public API only. */
import * as net from 'node:net';
import { after, flush, on, receive, _, type Port } from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';

/** Unwraps `['ok', X]`, failing loudly on anything else. */
export function ok<R extends readonly unknown[]>(result: R): OkValue<R> {
  if (result[0] !== 'ok') throw new Error(`expected {ok, _}, got ${JSON.stringify(result)}`);
  return result[1] as OkValue<R>;
}

/** The `X` of the `{ok, X}` alternative of a result type. */
export type OkValue<R> = R extends readonly ['ok', infer X] ? X : never;

/** A listen socket on 127.0.0.1 port 0, and its port. */
export async function listener(opts: readonly gen_tcp.listen_option[] = []): Promise<[Port, number]> {
  const ls = ok(await gen_tcp.listen(0, [['ip', [127, 0, 0, 1]], ...opts]));
  return [ls, ok(await inet.port(ls))];
}

/**
 * A connected pair, both ends owned by the caller: `[client, server, listen]`.
 * @param copts - the client's options
 * @param lopts - the listen socket's options (the server end inherits them)
 */
export async function pair(
  copts: readonly gen_tcp.connect_option[] = [],
  lopts: readonly gen_tcp.listen_option[] = [],
): Promise<[Port, Port, Port]> {
  const [ls, port] = await listener(lopts);
  const c = ok(await gen_tcp.connect([127, 0, 0, 1], port, copts));
  const s = ok(await gen_tcp.accept(ls));
  return [c, s, ls];
}

/** Closes every socket given. */
export async function closeAll(...sockets: Port[]): Promise<void> {
  for (const s of sockets) await gen_tcp.close(s);
}

/** A bare node:net peer connected to `port`, its received bytes collected. */
export async function nodePeer(
  port: number,
): Promise<{ sock: net.Socket; received: () => Buffer; ended: Promise<void> }> {
  const sock = net.connect({ host: '127.0.0.1', port });
  const chunks: Buffer[] = [];
  sock.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => sock.on('close', () => resolve()));
  sock.on('error', () => undefined);
  await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
  return { sock, received: () => Buffer.concat(chunks), ended };
}

/** Waits `ms` in the shell process. */
export async function sleep(ms: number): Promise<void> {
  await receive(after(ms));
}

/** The shell's messages from socket `s`, waiting up to `ms` for the first and 30 ms for more. */
export async function messages(ms = 200): Promise<unknown[]> {
  const out: unknown[] = [];
  const first = await receive(
    on(_, (m) => m),
    after(ms, () => undefined),
  );
  if (first === undefined) return out;
  out.push(first);
  await sleep(30);
  out.push(...flush());
  return out;
}
