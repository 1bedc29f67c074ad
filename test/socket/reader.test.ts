/**
 * The socket module's read rules without a socket: a SocketReader fed chunks and the end of
 * the stream directly, over a stream that records its flow and its stop.
 */
import { expect } from 'chai';
import { run } from 'erlts';
import { caller } from '../../runtime/internal/driver-api.js';
import { SocketReader, type ReaderHost } from '../../socket/internal/reader.js';

class RecordingStream implements ReaderHost {
  flowing = false;
  stops = 0;
  readonly reader = new SocketReader(this);
  resume(): void {
    this.flowing = true;
  }
  pause(): void {
    this.flowing = false;
  }
  stopIo(): void {
    this.stops++;
  }
}

const b = (s: string): Buffer => Buffer.from(s);

describe('SocketReader (socket stream reads, no socket)', function () {
  it('reads one chunk ahead, then pauses until a read takes it', function () {
    const s = new RecordingStream();
    s.reader.flow();
    expect(s.flowing, 'nothing buffered: read ahead').to.equal(true);
    s.reader.data(b('abc'));
    expect(s.flowing, 'a chunk nobody took: pause').to.equal(false);
    expect(s.reader.tryRecv(0)).to.deep.equal(['ok', b('abc')]);
    expect(s.flowing, 'taken: read ahead again').to.equal(true);
    expect(s.reader.tryRecv(0)).to.equal(null);
  });

  it('serves a read exactly its length across chunks, keeping the rest', async function () {
    const r = await run(async () => {
      const s = new RecordingStream();
      const waiting = s.reader.recv(caller(), 4, 'infinity');
      s.reader.data(b('ab'));
      s.reader.data(b('cdef'));
      return [await waiting, s.reader.tryRecv(2), s.reader.tryRecv(0)];
    });
    expect(r).to.deep.equal([['ok', b('abcd')], ['ok', b('ef')], null]);
  });

  it('answers closed after the data a FIN follows, and at once from then on', async function () {
    const r = await run(async () => {
      const s = new RecordingStream();
      s.reader.data(b('last'));
      s.reader.end(null);
      return [
        await s.reader.recv(caller(), 0, 'infinity'),
        await s.reader.recv(caller(), 0, 'infinity'),
        s.reader.tryRecv(0),
        s.stops,
      ];
    });
    expect(r).to.deep.equal([['ok', b('last')], ['error', 'closed'], ['error', 'closed'], 0]);
  });

  it('tells a reset once, to the first read that meets it, then closed; the stream stops', async function () {
    const r = await run(async () => {
      const s = new RecordingStream();
      const waiting = s.reader.recv(caller(), 0, 'infinity');
      s.reader.end('econnreset');
      return [await waiting, s.reader.reset, s.reader.tryRecv(0), s.stops, s.reader.takeFailure()];
    });
    expect(r).to.deep.equal([['error', 'econnreset'], true, ['error', 'closed'], 1, null]);
  });

  it('gives the reset to a send that meets it first (takeFailure), and reads then see closed', function () {
    const s = new RecordingStream();
    s.reader.end('econnreset');
    expect(s.reader.reset, 'not connected, told or not').to.equal(true);
    expect(s.reader.takeFailure()).to.deep.equal(['error', 'econnreset']);
    expect(s.reader.takeFailure()).to.equal(null);
    expect(s.reader.tryRecv(0)).to.deep.equal(['error', 'closed']);
  });

  it('lets a nowait read with part of its length take the part before the end comes', function () {
    const s = new RecordingStream();
    s.reader.data(b('par'));
    s.reader.end(null);
    expect(s.reader.tryRecv(5), 'part there: the caller takes it first').to.equal(null);
    expect(s.reader.takeBuffered()).to.deep.equal(b('par'));
    expect(s.reader.tryRecv(2)).to.deep.equal(['error', 'closed']);
  });

  it('puts back what a peek read, and hands a cancelled read its result', async function () {
    const r = await run(async () => {
      const s = new RecordingStream();
      s.reader.data(b('peek'));
      const first = s.reader.tryRecv(0);
      s.reader.unread(b('peek'));
      const again = s.reader.tryRecv(0);
      const waiting = s.reader.recv(caller(), 10, 'infinity');
      const cancelled = s.reader.cancelRecv(caller(), ['error', 'cancelled']);
      return [first, again, cancelled, await waiting];
    });
    expect(r).to.deep.equal([['ok', b('peek')], ['ok', b('peek')], true, ['error', 'cancelled']]);
  });

  it('fails waiting reads with closed when the socket closes', async function () {
    const r = await run(async () => {
      const s = new RecordingStream();
      const waiting = s.reader.recv(caller(), 3, 'infinity');
      s.reader.close();
      return [await waiting, s.reader.tryRecv(0)];
    });
    expect(r).to.deep.equal([
      ['error', 'closed'],
      ['error', 'closed'],
    ]);
  });
});
