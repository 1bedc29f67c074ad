/** Socket-module fixtures for the tests: loopback listeners and connected pairs. */
import { expect } from 'chai';
import * as socket from 'erlts/socket';

type S = socket.Socket;

export function ok<R extends readonly unknown[]>(r: R): R extends readonly ['ok', infer X] ? X : never {
  if (r[0] !== 'ok') throw new Error(`expected ok, got ${String(r)}`);
  return r[1] as never;
}

/** A listening socket on loopback and its port. */
export async function listening(domain: 'inet' | 'inet6' = 'inet'): Promise<[S, number]> {
  const ls = ok(await socket.open(domain, 'stream', 'tcp'));
  expect(await socket.bind(ls, { family: domain, addr: 'loopback', port: 0 })).to.equal('ok');
  expect(await socket.listen(ls)).to.equal('ok');
  const addr = ok(await socket.sockname(ls)) as { port: number };
  return [ls, addr.port];
}

/** A connected pair: [client, server, listen]. */
export async function pair(domain: 'inet' | 'inet6' = 'inet'): Promise<[S, S, S]> {
  const [ls, port] = await listening(domain);
  const c = ok(await socket.open(domain, 'stream', 'tcp'));
  expect(await socket.connect(c, { family: domain, addr: 'loopback', port })).to.equal('ok');
  const s = ok(await socket.accept(ls, 1000));
  return [c, s, ls];
}

export async function closeAll(...ss: S[]): Promise<void> {
  for (const s of ss) await socket.close(s);
}
