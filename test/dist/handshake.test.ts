import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as F from '../../net_kernel/internal/dist-flags.js';
import {
  Handshake,
  encodeComplement,
  encodeOldSendName,
  encodeSendName,
  genDigest,
  type AcceptStatus,
  type HandshakeConfig,
  type HandshakeEvent,
  type HandshakeFailure,
  type HandshakeResult,
} from '../../net_kernel/internal/handshake.js';

const transcripts = join(dirname(fileURLToPath(import.meta.url)), 'transcripts');

const base = {
  thisFlags: F.OUR_FLAGS | F.PUBLISHED,
  mandatory: F.OUR_MANDATORY,
};

function initiator(over: Partial<HandshakeConfig> = {}): Handshake {
  return new Handshake({
    role: 'initiator',
    thisNode: 'a@h',
    thisCreation: 11,
    cookieFor: () => 'cookie',
    peerNode: 'b@h',
    ...base,
    ...over,
  });
}

function acceptor(over: Partial<HandshakeConfig> = {}): Handshake {
  return new Handshake({
    role: 'acceptor',
    thisNode: 'b@h',
    thisCreation: 22,
    cookieFor: () => 'cookie',
    ...base,
    ...over,
  });
}

type Outcome = { up: HandshakeResult } | { failed: HandshakeFailure } | { stuck: string };

/**
 * Runs two machines against each other in memory; the acceptor decides with `decide`, the
 * initiator answers `alive` with `pending`.
 */
function converse(
  a: Handshake,
  b: Handshake,
  o: { decide?: AcceptStatus; pending?: boolean; chunk?: number } = {},
): { a: Outcome; b: Outcome; sent: { a: Buffer[]; b: Buffer[] } } {
  const result: { a: Outcome | null; b: Outcome | null } = { a: null, b: null };
  const sent = { a: [] as Buffer[], b: [] as Buffer[] };
  const queue: ['a' | 'b', Buffer][] = [];
  const handle = (who: 'a' | 'b', me: Handshake, events: HandshakeEvent[]): void => {
    for (const e of events) {
      switch (e.kind) {
        case 'send':
          sent[who].push(e.bytes);
          queue.push([who === 'a' ? 'b' : 'a', e.bytes]);
          break;
        case 'decide':
          handle(who, me, me.decide(o.decide ?? 'ok'));
          break;
        case 'is_pending':
          handle(who, me, me.answerAlive(o.pending ?? false));
          break;
        case 'wait_pending':
          handle(who, me, me.pendingDone());
          break;
        case 'up':
          result[who] = { up: e.result };
          break;
        case 'failed':
          result[who] = { failed: e.failure };
          break;
      }
    }
  };
  handle('a', a, a.start());
  handle('b', b, b.start());
  while (queue.length > 0) {
    const [to, bytes] = queue.shift() as ['a' | 'b', Buffer];
    const me = to === 'a' ? a : b;
    const step = o.chunk ?? bytes.length;
    for (let i = 0; i < bytes.length; i += step) handle(to, me, me.receive(bytes.subarray(i, i + step)));
  }
  return { a: result.a ?? { stuck: a.state }, b: result.b ?? { stuck: b.state }, sent };
}

function up(o: Outcome): HandshakeResult {
  if (!('up' in o))
    throw new Error(
      `not up: ${JSON.stringify(o, (_, v: unknown) => (typeof v === 'bigint' ? v.toString(16) : v))}`,
    );
  return o.up;
}

function failed(o: Outcome): HandshakeFailure {
  if (!('failed' in o)) throw new Error(`did not fail: ${JSON.stringify(Object.keys(o))}`);
  return o.failed;
}

describe('handshake state machine', () => {
  it('brings both sides up with the same cookie', () => {
    const r = converse(initiator(), acceptor());
    const a = up(r.a);
    const b = up(r.b);
    expect(a.peerName).to.equal('b@h');
    expect(b.peerName).to.equal('a@h');
    expect(a.peerCreation).to.equal(22);
    expect(b.peerCreation).to.equal(11);
    expect(a.flags).to.equal(F.OUR_FLAGS | F.PUBLISHED);
    expect(b.flags).to.equal(a.flags);
    expect(r.sent.a).to.have.length(2); // send_name, challenge_reply
    expect(r.sent.b).to.have.length(3); // status, challenge, ack
  });

  it('works when the bytes come one at a time', () => {
    const r = converse(initiator(), acceptor(), { chunk: 1 });
    up(r.a);
    up(r.b);
  });

  it('refuses a wrong cookie on both sides, with the lines OTP logs', () => {
    const a0 = initiator();
    const r = converse(a0, acceptor({ cookieFor: () => 'other' }));
    const b = failed(r.b);
    expect(b.reason).to.deep.equal(['recv_challenge_reply_failed', 'bad_cookie']);
    expect(b.log).to.equal('** Connection attempt from node a@h rejected. Invalid challenge reply. **');
    // The acceptor sends no ack: the initiator is left waiting (its setup timer or the close ends it).
    expect(r.a).to.deep.equal({ stuck: 'recv_ack' });
    expect(a0.interrupted('closed')[0]).to.deep.equal({
      kind: 'failed',
      failure: { reason: ['recv_challenge_ack_failed', ['error', 'closed']] },
    });
  });

  it('cancels when the acceptor answers with a wrong digest', () => {
    // An acceptor whose in-cookie for us is right but out-cookie wrong: only the ack differs.
    let calls = 0;
    const r = converse(initiator(), acceptor({ cookieFor: () => (calls++ === 0 ? 'cookie' : 'other') }));
    up(r.b);
    const a = failed(r.a);
    expect(a.reason).to.deep.equal(['recv_challenge_ack_failed', 'bad_cookie']);
    expect(a.log).to.equal('** Connection attempt to node b@h cancelled. Invalid challenge ack. **');
  });

  it('refuses a peer without a mandatory flag: not_allowed from the acceptor', () => {
    const r = converse(
      initiator({ thisFlags: (F.OUR_FLAGS | F.PUBLISHED) & ~(F.MAP_TAG | F.MANDATORY_25_DIGEST) }),
      acceptor(),
    );
    const b = failed(r.b);
    expect(b.reason).to.deep.equal(['check_dflags_failed', ['MAP_TAG']]);
    expect(b.log).to.equal(
      '** b@h: Connection attempt from node a@h rejected since it cannot handle ["MAP_TAG"].**',
    );
    expect(failed(r.a).reason).to.deep.equal(['recv_status_failed', 'not_allowed']);
  });

  it('aborts as initiator when the peer lacks a mandatory flag', () => {
    const r = converse(
      initiator({ mandatory: F.MANDATORY_OTP26 }),
      acceptor({ thisFlags: (F.OUR_FLAGS | F.PUBLISHED) & ~F.UNLINK_ID }),
    );
    const a = failed(r.a);
    expect(a.reason).to.deep.equal(['check_dflags_failed', ['UNLINK_ID']]);
    expect(a.log).to.equal(
      '** a@h: Connection attempt to node b@h aborted since it cannot handle ["UNLINK_ID"].**',
    );
  });

  it('takes MANDATORY_25_DIGEST for the OTP 25 flags', () => {
    const r = converse(
      initiator({ thisFlags: F.MANDATORY_25_DIGEST | F.HANDSHAKE_23, mandatory: 0n }),
      acceptor(),
    );
    expect(up(r.b).peerFlags & F.MANDATORY_OTP25).to.equal(F.MANDATORY_OTP25);
  });

  it('makes a connection hidden when either side is hidden', () => {
    const r = converse(initiator({ thisFlags: F.OUR_FLAGS }), acceptor());
    expect(up(r.a).flags & F.PUBLISHED).to.equal(0n);
    expect(up(r.b).flags & F.PUBLISHED).to.equal(0n);
  });

  it('ends the initiator with nok when the acceptor keeps its own attempt', () => {
    const r = converse(initiator(), acceptor(), { decide: 'nok' });
    expect(failed(r.a).reason).to.equal('nok');
    expect(failed(r.b).reason).to.equal('nok');
  });

  it('goes on after ok_simultaneous', () => {
    const r = converse(initiator(), acceptor(), { decide: 'ok_simultaneous' });
    up(r.a);
    up(r.b);
  });

  it('refuses with not_allowed when the manager says so', () => {
    const r = converse(initiator(), acceptor(), { decide: 'not_allowed' });
    expect(failed(r.a).reason).to.deep.equal(['recv_status_failed', 'not_allowed']);
  });

  it('asks the initiator on alive, and goes on or stops with its answer', () => {
    const yes = converse(initiator(), acceptor(), { decide: 'alive', pending: true });
    up(yes.a);
    up(yes.b);
    const no = converse(initiator(), acceptor(), { decide: 'alive', pending: false });
    expect(failed(no.a).reason).to.deep.equal(['recv_status_failed', 'alive']);
    expect(failed(no.b).reason).to.deep.equal(['recv_status_failed', 'alive']);
  });

  it('waits for the old connection before accepting a replacement', () => {
    const b = acceptor();
    b.start();
    const a = initiator();
    const name = a.start()[0] as { bytes: Buffer };
    expect(b.receive(name.bytes).map((e) => e.kind)).to.deep.equal(['decide']);
    const [status, challenge] = b.decide('alive');
    expect(challenge).to.equal(undefined);
    const answer = a.receive((status as { bytes: Buffer }).bytes);
    expect(answer.map((e) => e.kind)).to.deep.equal(['is_pending']);
    const [yes] = a.answerAlive(true);
    const [chal] = b.receive((yes as { bytes: Buffer }).bytes);
    const [reply] = a.receive((chal as { bytes: Buffer }).bytes);
    expect(b.receive((reply as { bytes: Buffer }).bytes).map((e) => e.kind)).to.deep.equal(['wait_pending']);
    expect(b.pendingDone().map((e) => e.kind)).to.deep.equal(['send', 'up']);
  });

  it("accepts an old 'n' send_name with its complement, as OTP 25.3 and later", () => {
    const b = acceptor();
    b.start();
    const flags = F.OUR_FLAGS | F.PUBLISHED;
    const decide = b.receive(encodeOldSendName(flags, 'a@h'));
    expect(decide).to.deep.equal([
      { kind: 'decide', peer: { name: 'a@h', flags: flags & F.LOW_WORD, creation: null } },
    ]);
    const [, challenge] = b.decide('ok');
    expect(b.state).to.equal('recv_complement');
    const bytes = (challenge as { bytes: Buffer }).bytes;
    const theirs = bytes.readUInt32BE(2 + 9);
    expect(b.receive(encodeComplement(flags, 33))).to.deep.equal([]);
    const reply = Buffer.alloc(23);
    reply.writeUInt16BE(21, 0);
    reply.write('r', 2, 'latin1');
    reply.writeUInt32BE(7, 3);
    genDigest(theirs, 'cookie').copy(reply, 7);
    const done = b.receive(reply);
    expect(done.map((e) => e.kind)).to.deep.equal(['send', 'up']);
    const result = (done[1] as { result: HandshakeResult }).result;
    expect(result.peerFlags).to.equal(flags);
    expect(result.peerCreation).to.equal(33);
  });

  it("refuses an old 'n' peer whose complement lacks a mandatory high flag", () => {
    const b = acceptor({ mandatory: F.MANDATORY_OTP26 });
    b.start();
    b.receive(encodeOldSendName(F.OUR_FLAGS, 'a@h'));
    b.decide('ok');
    const [status, f] = b.receive(encodeComplement(F.OUR_FLAGS & ~F.V4_NC, 1));
    expect((status as { bytes: Buffer }).bytes.toString('latin1', 2)).to.equal('snot_allowed');
    expect(f).to.deep.include({ kind: 'failed' });
    expect((f as { failure: HandshakeFailure }).failure.reason).to.deep.equal([
      'check_dflags_failed',
      ['V4_NC'],
    ]);
  });

  it('refuses a NAME_ME peer and a name that is no node name', () => {
    const b = acceptor();
    b.start();
    expect(b.receive(encodeSendName(F.OUR_FLAGS | F.NAME_ME, 0, 'h'))[0]).to.deep.include({ kind: 'failed' });
    const c = acceptor();
    c.start();
    expect(c.receive(encodeSendName(F.OUR_FLAGS, 1, 'noat'))[0]).to.deep.include({ kind: 'failed' });
  });

  it('refuses a challenge from a node other than the one it connected to', () => {
    const r = converse(initiator({ peerNode: 'c@h' }), acceptor());
    expect(failed(r.a).reason).to.deep.equal(['recv_challenge_failed', 'no_node', 'b@h']);
  });

  it('ignores flags it does not know (OTP 28 ALTACT_SIG) and leaves them out of the flags in use', () => {
    const altact = 0x20n << 32n;
    const r = converse(initiator({ thisFlags: F.OUR_FLAGS | F.PUBLISHED | altact }), acceptor());
    expect(up(r.b).peerFlags & altact).to.equal(altact);
    expect(up(r.b).flags & altact).to.equal(0n);
  });

  it('hands over the bytes that came after the handshake', () => {
    const a = initiator();
    const b = acceptor();
    const [name] = a.start();
    b.start();
    const [status, challenge] = b
      .receive((name as { bytes: Buffer }).bytes)
      .flatMap((e) => (e.kind === 'decide' ? b.decide('ok') : [e]));
    a.receive((status as { bytes: Buffer }).bytes);
    const [reply] = a.receive((challenge as { bytes: Buffer }).bytes);
    const [ack] = b.receive((reply as { bytes: Buffer }).bytes);
    const tail = Buffer.from('000000000000000101', 'hex');
    const [done] = a.receive(Buffer.concat([(ack as { bytes: Buffer }).bytes, tail]));
    expect((done as { result: HandshakeResult }).result.rest.equals(tail)).to.equal(true);
  });

  it('reports the step a closed connection or the setup timer interrupted', () => {
    const b = acceptor();
    b.start();
    expect(b.interrupted('closed')).to.deep.equal([
      { kind: 'failed', failure: { reason: ['recv_name_failed', ['error', 'closed']] } },
    ]);
    const a = initiator();
    a.start();
    expect(a.interrupted('setup_timer_timeout')).to.deep.equal([
      { kind: 'failed', failure: { reason: 'setup_timer_timeout' } },
    ]);
  });

  it('fails, never throws, on arbitrary bytes in either role', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }),
        (asInitiator, chunks) => {
          const hs = asInitiator ? initiator() : acceptor();
          hs.start();
          for (const c of chunks) {
            for (const e of hs.receive(Buffer.from(c))) if (e.kind === 'decide') hs.decide('ok');
          }
        },
      ),
    );
  });
});

interface Message {
  from: 'erl' | 'erlts';
  hex: string;
}

/** Replays the `erl` side of a transcript into an erlts machine: it must send exactly the erlts side. */
function replay(
  role: 'initiator' | 'acceptor',
  t: {
    cookie: string;
    erltsNode: string;
    erltsFlags: string;
    erltsCreation: number;
    erltsChallenge: number;
    erlNode: string;
  },
  messages: Message[],
): HandshakeResult {
  const hs = new Handshake({
    role,
    thisNode: t.erltsNode,
    thisFlags: BigInt('0x' + t.erltsFlags),
    thisCreation: t.erltsCreation,
    mandatory: F.OUR_MANDATORY,
    cookieFor: () => t.cookie,
    challenge: () => t.erltsChallenge,
    ...(role === 'initiator' ? { peerNode: t.erlNode } : {}),
  });
  const sent: string[] = [];
  let result: HandshakeResult | null = null;
  const act = (events: HandshakeEvent[]): void => {
    for (const e of events) {
      if (e.kind === 'send') sent.push(e.bytes.toString('hex'));
      else if (e.kind === 'decide') act(hs.decide('ok'));
      else if (e.kind === 'up') result = e.result;
      else if (e.kind === 'failed') throw new Error(`failed: ${JSON.stringify(e.failure.reason)}`);
    }
  };
  act(hs.start());
  for (const m of messages) if (m.from === 'erl') act(hs.receive(Buffer.from(m.hex, 'hex')));
  expect(sent).to.deep.equal(messages.filter((m) => m.from === 'erlts').map((m) => m.hex));
  if (result === null) throw new Error('not up');
  return result;
}

describe('handshake transcripts', () => {
  for (const file of readdirSync(transcripts).filter((f) => /^otp25-.*\.json$/.test(f))) {
    it(`replays the real ${file} byte for byte`, () => {
      const t = JSON.parse(readFileSync(join(transcripts, file), 'utf8')) as Parameters<typeof replay>[1] & {
        erltsRole: 'initiator' | 'acceptor';
        messages: Message[];
      };
      const r = replay(t.erltsRole, t, t.messages);
      expect(r.peerName).to.equal(t.erlNode);
      const hidden = file.includes('hidden');
      // OTP 25 sends its erts default, with PUBLISHED unless -hidden.
      expect(r.peerFlags).to.equal(0xd07df7fbcn | (hidden ? 0n : F.PUBLISHED));
      expect((r.flags & F.PUBLISHED) === 0n).to.equal(hidden);
    });
  }

  for (const release of ['26', '27']) {
    const t = JSON.parse(
      readFileSync(join(transcripts, `otp${release}-from-source.json`), 'utf8'),
    ) as Parameters<typeof replay>[1] & {
      erlFlags: string;
      erlMandatory: string;
      erlCreation: number;
      cases: Record<string, Message[]>;
    };

    it(`accepts OTP ${release}'s send_name and answers as the sources say`, () => {
      const r = replay('acceptor', t, t.cases['erl-connects'] as Message[]);
      expect(r.peerFlags).to.equal(BigInt('0x' + t.erlFlags));
      expect(r.peerCreation).to.equal(t.erlCreation);
    });

    it(`takes OTP ${release}'s challenge as initiator`, () => {
      const r = replay('initiator', t, t.cases['erlts-connects'] as Message[]);
      expect(r.peerName).to.equal(t.erlNode);
    });

    it(`satisfies what OTP ${release} requires, whichever side connects`, () => {
      const theirs = BigInt('0x' + t.erlFlags);
      const mandatory = BigInt('0x' + t.erlMandatory);
      expect(mandatory).to.equal(F.MANDATORY_OTP26);
      // As acceptor OTP checks our flags; as initiator, ours & its own.
      expect(F.missingFlags(mandatory, F.expandMandatory25(F.OUR_FLAGS))).to.deep.equal([]);
      expect(F.missingFlags(mandatory, F.OUR_FLAGS & F.expandMandatory25(theirs))).to.deep.equal([]);
    });
  }
});
