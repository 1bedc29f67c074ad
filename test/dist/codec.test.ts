/**
 * The distribution's frames as codec.ts writes and reads them: an Outbox's bytes are exactly the
 * frames ERTS writes (length header, 112, control tuple, message, each as term_to_binary with
 * minor_version 2 writes it), however binaries are split out of line and whatever control tuples
 * repeat; and a ControlCache never changes what a frame decodes to.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { binary_to_term, list, make_ref, self, term_to_binary } from 'erlts';
import { ControlCache, Outbox, decodeFrame, reasonFrame } from '../../net_kernel/internal/codec.js';
import { Op } from '../../net_kernel/internal/control.js';
import { termEquals } from '../../runtime/internal/terms.js';
import { termArbitrary } from '../etf/arbitraries.js';

const dist = [['minor_version', 2]] as const;

/** A frame as ERTS writes it: `Length:32, 112, 131 Control, 131 Payload`. */
function expected(control: readonly unknown[], payload: [] | [unknown]): Buffer {
  const body = Buffer.concat([
    Buffer.from([112]),
    term_to_binary(control, dist),
    ...payload.map((p) => term_to_binary(p, dist)),
  ]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

/** What an outbox hands over, as one buffer. */
function bytesOf(out: Outbox): Buffer {
  const b = out.takeFrames();
  return Buffer.isBuffer(b) ? Buffer.from(b) : Buffer.concat(b);
}

/** The packets of a byte stream of frames (without their headers). */
function packets(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const n = bytes.readUInt32BE(at);
    out.push(bytes.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  return out;
}

const big = fc
  .integer({ min: 4096, max: 20_000 })
  .chain((n) => fc.integer({ min: 0, max: 255 }).map((v) => Buffer.alloc(n, v)));

describe('distribution frames (codec.ts)', () => {
  // Pids and references of this node, and a few control tuples that repeat by identity.
  const [p1, p2, r1] = [self(), self(), make_ref()];
  const controls: (readonly unknown[])[] = [
    [Op.SEND_SENDER, p1, p2],
    [Op.SEND_SENDER, p1, p2],
    [Op.REG_SEND, p1, '', 'kv'],
    [Op.ALIAS_SEND, p1, r1],
    [Op.LINK, p1, p2],
  ];
  const term = fc.oneof(
    { arbitrary: termArbitrary([p1, r1]), weight: 4 },
    { arbitrary: big, weight: 1 },
    { arbitrary: fc.tuple(big, termArbitrary([p1]), big).map((t) => [...t]), weight: 1 },
    { arbitrary: fc.array(big, { maxLength: 3 }).map((bs) => list(...bs)), weight: 1 },
  );
  const frameArb = fc.tuple(fc.integer({ min: 0, max: controls.length - 1 }), term);

  it('writes the bytes ERTS writes, binaries out of line or not, control tuples cached or not', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (frames, every) => {
        const out = new Outbox();
        const want: Buffer[] = [];
        let got = Buffer.alloc(0);
        let pending = 0;
        frames.forEach(([i, payload], n) => {
          const control = controls[i]!;
          if (control[0] === Op.LINK) {
            out.frame(control);
            want.push(expected(control, []));
          } else {
            out.message(control, payload);
            want.push(expected(control, [payload]));
          }
          pending++;
          // Handed over now and then, as the end of a turn does.
          if (n % every === 0) {
            expect(out.packets).to.equal(pending);
            got = Buffer.concat([got, bytesOf(out)]);
            pending = 0;
          }
        });
        got = Buffer.concat([got, bytesOf(out)]);
        expect(got.equals(Buffer.concat(want))).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes a frame to the same terms with the control cache as without', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 12 }), (frames) => {
        const out = new Outbox();
        for (const [i, payload] of frames) out.message(controls[i === 4 ? 0 : i]!, payload);
        const cache = new ControlCache();
        for (const p of packets(bytesOf(out))) {
          const [c1, m1] = decodeFrame(p, cache);
          const [c2, m2] = decodeFrame(p);
          expect(termEquals(c1, c2) && termEquals(m1, m2)).to.equal(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('makes a large binary of an owned packet a view of it, and copies the rest', () => {
    const large = Buffer.alloc(64 * 1024, 7);
    const small = Buffer.alloc(100, 8);
    const pid = self();
    const [packet] = packets(expected([Op.SEND_SENDER, pid, pid], [[large, small]]));
    const own = Buffer.from(packet!); // a buffer of its own, as a socket's read gives
    const [, [viewed, copied]] = decodeFrame(own, undefined, true) as [unknown, [Buffer, Buffer]];
    expect(viewed.equals(large) && copied.equals(small)).to.equal(true);
    expect(viewed.buffer).to.equal(own.buffer);
    expect(copied.buffer).to.not.equal(own.buffer);
    // Not owned (the default, and binary_to_term's): every binary is a copy.
    const [, [copy]] = decodeFrame(own) as [unknown, [Buffer]];
    expect(copy.buffer).to.not.equal(own.buffer);
    // Owned, but the binary is under a quarter of its ArrayBuffer: a copy, keeping no more alive.
    const inBig = Buffer.concat([own, Buffer.alloc(4 * own.length)]).subarray(0, own.length);
    const [, [copy2]] = decodeFrame(inBig, undefined, true) as [unknown, [Buffer]];
    expect(copy2.buffer).to.not.equal(inBig.buffer);
  });

  it('does not take a control tuple for the cached one when only its last byte differs', () => {
    const cache = new ControlCache();
    const a = packets(expected([Op.REG_SEND, p1, '', 'kv_a'], ['x']))[0]!;
    const b = packets(expected([Op.REG_SEND, p1, '', 'kv_b'], ['y']))[0]!;
    expect(decodeFrame(a, cache)[0][3]).to.equal('kv_a');
    expect(decodeFrame(b, cache)[0][3]).to.equal('kv_b');
    expect(decodeFrame(b, cache)).to.deep.equal([[Op.REG_SEND, p1, '', 'kv_b'], 'y']);
  });

  it('leaves the outbox as it was when a message is no term, binaries out of line included', () => {
    const out = new Outbox();
    out.message([Op.SEND_SENDER, p1, p2], 'first');
    expect(() => out.message([Op.SEND_SENDER, p1, p2], [Buffer.alloc(5000), () => 1]))
      .to.throw()
      .with.property('reason', 'badarg');
    out.message([Op.SEND_SENDER, p1, p2], 'last');
    const want = Buffer.concat([
      expected([Op.SEND_SENDER, p1, p2], ['first']),
      expected([Op.SEND_SENDER, p1, p2], ['last']),
    ]);
    expect(bytesOf(out).equals(want)).to.equal(true);
  });

  it('sends an exit reason that is no term in its term form', () => {
    const out = new Outbox();
    reasonFrame(out, [Op.PAYLOAD_EXIT, p1, p2], new TypeError('boom'));
    const [control, reason] = decodeFrame(packets(bytesOf(out))[0]!);
    expect(control[0]).to.equal(Op.PAYLOAD_EXIT);
    expect(reason).to.deep.equal(['TypeError', Buffer.from('boom')]);
  });

  it("counts the out-of-line binaries in a fun's size, as NEW_FUN_EXT needs", () => {
    // A fun of erl_eval's with a 5000-byte binary among its free variables, in OTP 25's bytes.
    const atom = (s: string): Buffer => Buffer.concat([Buffer.from([119, s.length]), Buffer.from(s)]);
    const free = Buffer.concat([Buffer.from([109, 0, 0, 0x13, 0x88]), Buffer.alloc(5000, 7)]);
    const pid = Buffer.concat([
      Buffer.from([88]),
      atom('nonode@nohost'),
      Buffer.from([0, 0, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0]),
    ]);
    const rest = Buffer.concat([
      Buffer.from([1]),
      Buffer.alloc(16, 9),
      Buffer.from([0, 0, 0, 5, 0, 0, 0, 1]),
      atom('erl_eval'),
      Buffer.from([97, 5, 98, 0, 1, 2, 3]),
      pid,
      free,
    ]);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(4 + rest.length, 0);
    const bytes = Buffer.concat([Buffer.from([131, 112]), size, rest]);
    const fun = binary_to_term(bytes);
    const out = new Outbox();
    out.message([Op.SEND_SENDER, p1, p2], fun);
    const taken = out.takeFrames();
    expect(Array.isArray(taken)).to.equal(true); // the binary went out of line
    const [, payload] = decodeFrame(packets(Buffer.concat(taken as Buffer[]))[0]!);
    expect(term_to_binary(payload, dist).equals(bytes)).to.equal(true);
  });

  it('hands a large batch over without copying it and never writes into it again', () => {
    const out = new Outbox();
    for (let i = 0; i < 400; i++) out.message([Op.SEND_SENDER, p1, p2], Buffer.alloc(64, i));
    const first = out.takeFrames() as Buffer;
    const copy = Buffer.from(first);
    for (let i = 0; i < 400; i++) out.message([Op.SEND_SENDER, p1, p2], Buffer.alloc(64, 255 - i));
    out.takeFrames();
    expect(first.equals(copy)).to.equal(true);
    expect(packets(first)).to.have.length(400);
  });
});
