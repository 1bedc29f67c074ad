// send_request with wait_response, receive_response and check_response: the
// reply, timeout (the request stays outstanding for wait_response, abandoned
// for receive_response: its late reply never arrives), a server that dies,
// and a name nobody has.
import { _, after, io, list, on, receive, timer, type List, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as self_ from './gs_send_request.js';

export const MODULE = 'gs_send_request';

export default async function main(): Promise<void> {
  const [, P] = (await gen_server.start(['local', 'gsq_name'], self_, list(), [])) as ['ok', Pid];
  const R1 = gen_server.send_request('gsq_name', 'echo');
  p(await gen_server.wait_response(R1, 1000));
  const R2 = gen_server.send_request(P, ['sleep', 60]);
  p(await gen_server.wait_response(R2, 10));
  p(await gen_server.wait_response(R2, 1000));
  const R3 = gen_server.send_request(P, ['sleep', 60]);
  p(await gen_server.receive_response(R3, 10));
  await timer.sleep(100);
  p(await drain());
  const R4 = gen_server.send_request(P, 'echo');
  const Msg = await receive();
  p(gen_server.check_response('other', R4));
  p(gen_server.check_response(Msg, R4));
  const R5 = gen_server.send_request(P, 'die');
  p(await gen_server.wait_response(R5, 1000));
  const R6 = gen_server.send_request('gsq_name', 'echo');
  p(await gen_server.receive_response(R6, 1000));
  p(await drain());
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}

export function init(S: unknown): ['ok', unknown] {
  return ['ok', S];
}
export async function handle_call(Req: unknown, _From: unknown, S: unknown): Promise<readonly unknown[]> {
  if (Req === 'echo') return ['reply', 'echoed', S];
  if (Req === 'die') return ['stop', 'died', S];
  await timer.sleep((Req as [string, number])[1]);
  return ['reply', 'slept', S];
}
export function handle_cast(_: unknown, S: unknown): ['noreply', unknown] {
  return ['noreply', S];
}
