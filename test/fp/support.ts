/** Helpers for the erlts/fp tests: public API only. */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { ErlangError, type Port } from 'erlts';
import * as fp from 'erlts/fp';

/** The Right of an Either, failing the test on a Left. */
export function right<A>(e: E.Either<unknown, A>): A {
  if (E.isLeft(e)) throw new Error(`expected a Right, got left(${JSON.stringify(e.left)})`);
  return e.right;
}

/** Runs `fn` and gives the Erlang error it raised, failing the test if it raised none. */
export function raised(fn: () => unknown): ErlangError {
  try {
    fn();
  } catch (e) {
    expect(ErlangError.is(e), String(e)).to.equal(true);
    return e as ErlangError;
  }
  throw new Error('nothing was raised');
}

/** What a task rejected with, failing the test if it did not reject. */
export async function rejection(task: () => Promise<unknown>): Promise<unknown> {
  return task().then(
    () => {
      throw new Error('the task did not reject');
    },
    (e: unknown) => e,
  );
}

/** A gen_tcp listening socket on 127.0.0.1 port 0 (binary, passive), and its port, through the face. */
export async function listener(): Promise<[Port, number]> {
  const LS = right(await fp.gen_tcp.listen(0, ['binary', ['active', false], ['ip', [127, 0, 0, 1]]])());
  return [LS, right(await fp.inet.port(LS)())];
}

/** A connected gen_tcp pair through the face: the client, its accepted end, the listening socket, its port. */
export async function pair(): Promise<[Port, Port, Port, number]> {
  const [LS, Port] = await listener();
  const C = right(await fp.gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]], 2000)());
  const S = right(await fp.gen_tcp.accept(LS, 2000)());
  return [C, S, LS, Port];
}

/** Closes gen_tcp sockets through the face. */
export async function closeAll(...sockets: Port[]): Promise<void> {
  for (const s of sockets) right(await fp.gen_tcp.close(s)());
}
