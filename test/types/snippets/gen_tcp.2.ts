// docs/gen_tcp.md, code block 2, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as gen_tcp from 'erlts/gen_tcp';
import { receive, on, is, is_binary } from 'erlts';

export async function next_packet(Sock: gen_tcp.socket): Promise<Uint8Array | 'closed'> {
  // receive {tcp, Sock, Data} when is_binary(Data) -> Data; {tcp_closed, Sock} -> closed end
  return receive(
    on(['tcp', Sock, is(is_binary)], ([, , Data]) => Data),
    on(['tcp_closed', Sock], () => 'closed' as const),
  );
}
