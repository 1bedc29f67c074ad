/**
 * gen_tcp's delivery rules without a socket: a TcpReceiver fed chunks and the end of the stream
 * directly (as ws tests its Receiver with receiver.write(...)), over a port that records what it
 * is told to do.
 */
import { expect } from 'chai';
import { List, Port, after, list, receive, run } from 'erlts';
import { caller } from '../../runtime/internal/driver-api.js';
import { TcpReceiver, type ReceiverHost } from '../../inet/internal/tcp/receiver.js';
import { parseOpenOptions, type TcpOptions } from '../../inet/internal/tcp/options.js';

/** A port that records: the owner's messages, the flow of its socket, how it closed. */
class RecordingPort implements ReceiverHost {
  readonly port = new Port();
  readonly options: TcpOptions;
  readonly told: unknown[] = [];
  receiver!: TcpReceiver;
  readable = true;
  shut = false;
  gone = false;
  flowing = false;
  peerEofs = 0;
  closedIo: boolean[] = [];
  closedPort = false;

  constructor(opts: readonly unknown[]) {
    const parsed = parseOpenOptions(opts, 'connect');
    if (parsed[0] !== 'ok') throw new Error('bad options');
    this.options = parsed[1].options;
    this.receiver = new TcpReceiver(this, this.options.active);
  }

  tell(msg: unknown): void {
    this.told.push(msg);
  }
  peerEof(): void {
    this.peerEofs++;
    this.readable = false;
  }
  closeIo(reset: boolean): void {
    this.closedIo.push(reset);
    this.receiver.silence();
    this.shut = true;
    this.readable = false;
  }
  closePort(): void {
    this.closedPort = true;
    this.gone = true;
  }
  resume(): void {
    this.flowing = true;
  }
  pause(): void {
    this.flowing = false;
  }
}

const b = (s: string): Buffer => Buffer.from(s);

describe('TcpReceiver (gen_tcp delivery, no socket)', function () {
  it('hands raw chunks to an active owner as they come', function () {
    const p = new RecordingPort(['binary']);
    p.receiver.flow();
    expect(p.flowing).to.equal(true);
    p.receiver.data(b('abc'));
    p.receiver.data(b('de'));
    expect(p.told).to.deep.equal([
      ['tcp', p.port, b('abc')],
      ['tcp', p.port, b('de')],
    ]);
  });

  it('delivers one packet in {active, once}, then keeps the rest and pauses', function () {
    const p = new RecordingPort(['binary', ['active', 'once']]);
    p.receiver.flow();
    p.receiver.data(b('one'));
    expect(p.receiver.active).to.equal(false);
    p.receiver.data(b('two'));
    expect(p.flowing).to.equal(false);
    expect(p.told).to.deep.equal([['tcp', p.port, b('one')]]);
    expect(p.receiver.setActive('once')).to.equal('ok');
    expect(p.told.at(-1)).to.deep.equal(['tcp', p.port, b('two')]);
  });

  it('counts {active, N} down and tells tcp_passive at zero', function () {
    const p = new RecordingPort(['binary', ['active', 2]]);
    for (const s of ['a', 'b', 'c']) p.receiver.data(b(s));
    expect(p.told).to.deep.equal([
      ['tcp', p.port, b('a')],
      ['tcp', p.port, b('b')],
      ['tcp_passive', p.port],
    ]);
    expect(p.receiver.active).to.equal(false);
  });

  it('frames {packet, 2} across chunk boundaries', function () {
    const p = new RecordingPort(['binary', ['packet', 2]]);
    p.receiver.data(Buffer.from([0, 3, 104]));
    p.receiver.data(Buffer.from([105, 33, 0, 1]));
    p.receiver.data(Buffer.from([63]));
    expect(p.told).to.deep.equal([
      ['tcp', p.port, b('hi!')],
      ['tcp', p.port, b('?')],
    ]);
  });

  it('gives list-mode data as a list of bytes', function () {
    const p = new RecordingPort(['list']);
    p.receiver.data(b('hi'));
    expect(p.told).to.deep.equal([['tcp', p.port, list(104, 105)]]);
    expect((p.told[0] as unknown[])[2]).to.be.instanceOf(List);
  });

  it('reports the end of the stream to an active owner, and closes with exit_on_close', function () {
    const p = new RecordingPort(['binary']);
    p.receiver.end(null);
    expect(p.told).to.deep.equal([['tcp_closed', p.port]]);
    expect(p.closedPort).to.equal(true);
  });

  it('shows a reset to an active owner only with show_econnreset', function () {
    const quiet = new RecordingPort(['binary']);
    quiet.receiver.end('econnreset');
    expect(quiet.told).to.deep.equal([['tcp_closed', quiet.port]]);
    const shown = new RecordingPort(['binary', ['show_econnreset', true]]);
    shown.receiver.end('econnreset');
    expect(shown.told).to.deep.equal([
      ['tcp_error', shown.port, 'econnreset'],
      ['tcp_closed', shown.port],
    ]);
  });

  it('keeps a half-closed port open without exit_on_close', function () {
    const p = new RecordingPort(['binary', ['exit_on_close', false]]);
    p.receiver.end(null);
    expect(p.told).to.deep.equal([['tcp_closed', p.port]]);
    expect([p.closedPort, p.peerEofs]).to.deep.equal([false, 1]);
  });

  it('gives a framing error to an active owner as tcp_error, then closes', function () {
    const p = new RecordingPort(['binary', ['packet', 1], ['packet_size', 2]]);
    p.receiver.data(Buffer.from([5, 1, 2, 3, 4, 5]));
    expect(p.told).to.deep.equal([
      ['tcp_error', p.port, 'emsgsize'],
      ['tcp_closed', p.port],
    ]);
    expect(p.closedPort).to.equal(true);
  });

  it('serves a passive recv exactly its length, across chunks, and the end after the data', async function () {
    const results = await run(async () => {
      const p = new RecordingPort(['binary', ['active', false]]);
      const first = p.receiver.recv(caller(), 5, 'infinity');
      expect(p.flowing, 'a waiting reader reads from the kernel').to.equal(true);
      p.receiver.data(b('hel'));
      p.receiver.data(b('lo wo'));
      const got = await first;
      const rest = p.receiver.recv(caller(), 0, 'infinity');
      p.receiver.end(null);
      const tail = await rest;
      const after_ = p.receiver.recv(caller(), 0, 'infinity');
      return [got, tail, await after_, p.told];
    });
    expect(results).to.deep.equal([['ok', b('hello')], ['ok', b(' wo')], ['error', 'closed'], []]);
  });

  it('refuses a second recv caller (ealready) and recv in an active mode (einval)', async function () {
    const r = await run(async () => {
      const p = new RecordingPort(['binary', ['active', false]]);
      const first = p.receiver.recv(caller(), 0, 10);
      const second = await p.receiver.recv(caller(), 0, 10);
      const timedOut = await first;
      const active = new RecordingPort(['binary']);
      await receive(after(0));
      return [second, timedOut, await active.receiver.recv(caller(), 0, 10)];
    });
    expect(r).to.deep.equal([
      ['error', 'ealready'],
      ['error', 'timeout'],
      ['error', 'einval'],
    ]);
  });

  it('gives a waiting recv the reset when show_econnreset is on, and enotconn after', async function () {
    const r = await run(async () => {
      const p = new RecordingPort(['binary', ['active', false], ['show_econnreset', true]]);
      const waiting = p.receiver.recv(caller(), 0, 'infinity');
      p.receiver.end('econnreset');
      const first = await waiting;
      return [first, await p.receiver.recv(caller(), 0, 10), p.closedIo];
    });
    expect(r).to.deep.equal([['error', 'econnreset'], ['error', 'enotconn'], [true]]);
  });
});
