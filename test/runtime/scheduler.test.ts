import { expect } from 'chai';
import { createServer, connect, type AddressInfo } from 'node:net';
import { after, exit, on, receive, run, self, send, spawn, type Pid } from 'erlts';

/** Two processes bouncing a message forever, until killed. */
function startPingPong(): [Pid, Pid] {
  const pong = spawn(async () => {
    for (;;) {
      const from = (await receive()) as Pid;
      send(from, self());
    }
  });
  const ping = spawn(async () => {
    send(pong, self());
    for (;;) send(pong, (await receive(), self()));
  });
  return [ping, pong];
}

describe('scheduling', () => {
  it('message ping-pong does not starve timers', async () => {
    const [a, b] = startPingPong();
    const started = performance.now();
    const firedAfter = await new Promise<number>((resolve) =>
      setTimeout(() => resolve(performance.now() - started), 10),
    );
    exit(a, 'kill');
    exit(b, 'kill');
    expect(firedAfter).to.be.below(500);
  });

  it('message ping-pong does not starve socket I/O', async () => {
    const server = createServer((s) => s.pipe(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const [a, b] = startPingPong();
    try {
      const echoed = await new Promise<string>((resolve, reject) => {
        const c = connect((server.address() as AddressInfo).port, '127.0.0.1', () => c.write('ping'));
        c.on('data', (d) => {
          c.destroy();
          resolve(d.toString());
        });
        c.on('error', reject);
      });
      expect(echoed).to.equal('ping');
    } finally {
      exit(a, 'kill');
      exit(b, 'kill');
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a process whose messages are always ready still lets timers run', async () => {
    const got = await run(async () => {
      const me = self();
      const busy = spawn(async () => {
        send(self(), 'again');
        for (;;) {
          await receive(on('again'));
          send(self(), 'again');
        }
      });
      const started = performance.now();
      setTimeout(() => send(me, 'timer fired'), 10);
      const fired = await receive(
        on('timer fired'),
        after(1000, () => 'starved'),
      );
      exit(busy, 'kill');
      return [fired, performance.now() - started < 500];
    });
    expect(got).to.deep.equal(['timer fired', true]);
  });
});
