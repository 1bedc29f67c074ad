/**
 * A packet as an inet port's owner sees it, by the port's `mode` and `{header, N}`: what
 * gen_tcp and gen_udp put in `{tcp, S, Data}`, `{udp, S, IP, Port, Data}` and recv's results.
 */
import type { List } from 'erlts';
import { toList } from '../../runtime/internal/driver-api.js';

/**
 * The data of one packet: a Buffer in binary mode, a list of bytes in list mode, and in binary
 * mode with `{header, N}` a list of the N first bytes ending with the rest as a Buffer
 * (Erlang's improper `[B1, ..., BN | Rest]`, docs/DEVIATIONS.md).
 * @param pkt - the packet's bytes
 * @param mode - the port's `mode`
 * @param header - the port's `header` (0 for none)
 */
export function packetData(pkt: Buffer, mode: 'list' | 'binary', header: number): Buffer | List<unknown> {
  if (mode === 'list') return toList(pkt);
  if (header > 0) {
    if (pkt.length < header) return toList(pkt);
    const out = toList(pkt.subarray(0, header)) as List<unknown>;
    out.push(pkt.subarray(header));
    return out;
  }
  return pkt;
}
