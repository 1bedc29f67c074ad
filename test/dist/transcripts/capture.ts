/**
 * Records real handshakes with the local `erl` as fixtures for handshake.test.ts: every
 * handshake message both ways, with erlts's challenge fixed so a replay is byte-exact.
 *
 *   npx tsx --conditions=erlts-source test/dist/transcripts/capture.ts
 *
 * writes test/dist/transcripts/otp<release>-<case>.json for: erl connecting to erlts
 * (published and -hidden) and erlts connecting to erl. It starts its own EPMD (erlts's) on a
 * free port, and erl nodes with -start_epmd false pointed at it.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUR_FLAGS, OUR_MANDATORY, PUBLISHED } from '../../../net_kernel/internal/dist-flags.js';
import { EpmdServer } from '../../../net_kernel/internal/epmd-server.js';
import { registerNode, portPlease } from '../../../net_kernel/internal/epmd-client.js';
import { Handshake, type HandshakeEvent } from '../../../net_kernel/internal/handshake.js';
import { shortHostname } from '../../../net_kernel/internal/node-name.js';

const here = dirname(fileURLToPath(import.meta.url));
const COOKIE = 'TRANSCRIPTCOOKIE';
const OUR_CHALLENGE = 0x0badcafe;
const host = shortHostname();

interface Message {
  readonly from: 'erl' | 'erlts';
  readonly hex: string;
}

/** Splits a byte stream into its 2-byte-length handshake messages (framing kept). */
function frames(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at + 2 <= data.length) {
    const n = data.readUInt16BE(at);
    if (at + 2 + n > data.length) break;
    out.push(data.subarray(at, at + 2 + n));
    at += 2 + n;
  }
  return out;
}

function otpRelease(): Promise<string> {
  return new Promise((resolve) => {
    const p = spawn('erl', [
      '-noshell',
      '-eval',
      'io:format("~s", [erlang:system_info(otp_release)]), halt().',
    ]);
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', () => resolve(out.trim()));
  });
}

function startErl(name: string, epmdPort: number, extra: string[], evalText: string): Promise<string> {
  return new Promise((resolve) => {
    const p = spawn(
      'erl',
      ['-sname', name, '-setcookie', COOKIE, '-start_epmd', 'false', ...extra, '-noshell', '-eval', evalText],
      { env: { ...process.env, ERL_EPMD_PORT: String(epmdPort) } },
    );
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', () => resolve(out));
  });
}

/** erlts's side of a recorded handshake: its challenge fixed, so a replay is byte-exact. */
function erltsSide(role: 'initiator' | 'acceptor', creation: number): Handshake {
  return new Handshake({
    role,
    thisNode: `erlts@${host}`,
    thisFlags: OUR_FLAGS | PUBLISHED,
    thisCreation: creation,
    mandatory: OUR_MANDATORY,
    cookieFor: () => COOKIE,
    challenge: () => OUR_CHALLENGE,
    ...(role === 'initiator' ? { peerNode: `erl@${host}` } : {}),
  });
}

/** Writes one transcript file: the fields common to every case, then the case's. */
function save(
  name: string,
  c: { description: string; role: 'initiator' | 'acceptor'; creation: number; recorded: Recorded },
): void {
  const file = join(here, `otp${release}-${name}.json`);
  const t = {
    description: c.description,
    otp: release,
    cookie: COOKIE,
    erltsRole: c.role,
    erltsNode: `erlts@${host}`,
    erltsFlags: (OUR_FLAGS | PUBLISHED).toString(16),
    erltsCreation: c.creation,
    erltsChallenge: OUR_CHALLENGE,
    erlNode: `erl@${host}`,
    outcome: c.recorded.outcome?.kind,
    messages: c.recorded.messages,
    afterHandshake: c.recorded.after,
  };
  writeFileSync(file, JSON.stringify(t, null, 2) + '\n');
  console.log('wrote', file, t.outcome);
}

interface Recorded {
  messages: Message[];
  outcome: HandshakeEvent | null;
  after: string;
}

/** Runs `hs` over `sock`, recording both directions; answers `decide` with ok. */
function drive(
  sock: net.Socket,
  hs: Handshake,
): Promise<{ messages: Message[]; outcome: HandshakeEvent | null; after: string }> {
  return new Promise((resolve) => {
    const messages: Message[] = [];
    let inbound = Buffer.alloc(0);
    let outcome: HandshakeEvent | null = null;
    const act = (events: HandshakeEvent[]): void => {
      for (const e of events) {
        if (e.kind === 'send') {
          messages.push({ from: 'erlts', hex: e.bytes.toString('hex') });
          sock.write(e.bytes);
        } else if (e.kind === 'decide') {
          act(hs.decide('ok'));
        } else if (e.kind === 'up' || e.kind === 'failed') {
          outcome = e;
          setTimeout(() => sock.destroy(), 300);
        }
      }
    };
    sock.on('data', (chunk: Buffer) => {
      inbound = Buffer.concat([inbound, chunk]);
      if (outcome !== null) return;
      // One message at a time, so nothing after the last handshake message is taken for one.
      for (const f of frames(inbound)) {
        if (outcome !== null) break;
        messages.push({ from: 'erl', hex: f.toString('hex') });
        inbound = inbound.subarray(f.length);
        act(hs.receive(f));
      }
    });
    sock.on('close', () => resolve({ messages, outcome, after: inbound.toString('hex') }));
    sock.on('error', () => {});
    act(hs.start());
  });
}

const release = await otpRelease();
const listening = await EpmdServer.listen({ port: 0, address: '127.0.0.1' });
if (!(listening instanceof EpmdServer)) throw new Error(`epmd: ${String(listening.error)}`);
const epmd: EpmdServer = listening;

async function erlConnects(hidden: boolean): Promise<void> {
  const ourNode = `erlts@${host}`;
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  const reg = await registerNode({ name: 'erlts', port, epmdPort: epmd.port });
  if ('error' in reg) throw new Error(`register: ${String(reg.error)}`);
  const creation = reg.creation;
  const accepted = new Promise<{ messages: Message[]; outcome: HandshakeEvent | null; after: string }>(
    (resolve) =>
      server.once('connection', (sock) => {
        resolve(drive(sock, erltsSide('acceptor', creation)));
      }),
  );
  const erlOut = startErl(
    'erl',
    epmd.port,
    hidden ? ['-hidden'] : [],
    `io:format("~p~n", [net_kernel:connect_node('${ourNode}')]), timer:sleep(500), halt().`,
  );
  const recorded = await accepted;
  await erlOut;
  reg.close();
  server.close();
  save(`erl-connects${hidden ? '-hidden' : ''}`, {
    description: `erl -sname erl${hidden ? ' -hidden' : ''} (OTP ${release}) connects to erlts, which accepts`,
    role: 'acceptor',
    creation,
    recorded,
  });
}

async function erltsConnects(): Promise<void> {
  const erlOut = startErl('erl', epmd.port, [], 'timer:sleep(3000), halt().');
  let found = await portPlease('erl', '127.0.0.1', { epmdPort: epmd.port });
  for (let i = 0; i < 50 && found === 'noport'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    found = await portPlease('erl', '127.0.0.1', { epmdPort: epmd.port });
  }
  if (found === 'noport' || 'error' in found) throw new Error('erl did not register');
  const creation = 0x5eed;
  const sock = net.createConnection({ host: '127.0.0.1', port: found.port });
  await new Promise((r) => sock.once('connect', r));
  const recorded = await drive(sock, erltsSide('initiator', creation));
  await erlOut;
  save('erlts-connects', {
    description: `erlts connects to erl -sname erl (OTP ${release}), which accepts`,
    role: 'initiator',
    creation,
    recorded,
  });
}

await erlConnects(false);
await erlConnects(true);
await erltsConnects();
await epmd.close();
