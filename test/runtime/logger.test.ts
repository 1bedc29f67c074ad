import { expect } from 'chai';
import {
  _,
  after,
  error,
  logger,
  on,
  receive,
  run,
  spawn,
  spawn_monitor,
  exit,
  io_lib,
  List,
  type Pid,
} from 'erlts';
import { capturingReports } from '../support/processes.js';

/** Runs `fn` with process.stderr.write captured. */
function capturingStderr(fn: () => void): string {
  const write = process.stderr.write.bind(process.stderr);
  let text = '';
  process.stderr.write = (chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  };
  try {
    fn();
  } finally {
    process.stderr.write = write;
  }
  return text;
}

describe('crash reports', () => {
  it('the default handler writes OTP logger’s report form to stderr', () => {
    const time = new Date(2026, 10, 21, 13, 26, 9, 700);
    const text = capturingStderr(() =>
      logger.default_handler({
        level: 'error',
        text: 'Error in process <0.79.0> with exit value:\nfoo\n',
        meta: { pid: null, time },
      }),
    );
    expect(text).to.equal(
      '=ERROR REPORT==== 21-Nov-2026::13:26:09.700000 ===\nError in process <0.79.0> with exit value:\nfoo\n\n',
    );
  });

  it('reports an uncaught error with the pid and the exit value printed by ~p', async () => {
    const [pid, events] = await capturingReports(() =>
      run(async () => {
        const [p, ref] = spawn_monitor(() => error(['badmatch', 42]));
        await receive(on(['DOWN', ref, _, _, _]), after(500));
        return p;
      }),
    );
    expect(events).to.have.length(1);
    expect(events[0]?.level).to.equal('error');
    expect(events[0]?.meta.pid).to.equal(pid);
    // The head of the stack is the runtime's erlang.ts frame; its function name is not asserted:
    // under a loader with source maps Node may name the frame after a neighbouring function.
    expect(events[0]?.text).to.match(
      new RegExp(
        `^Error in process ${String(pid).replace(/\./g, '\\.')} with exit value:\\n\\{\\{badmatch,42\\},\\s*\\[\\{erlang,`,
      ),
    );
  });

  it('does not report normal exits, observed exits, or kills', async () => {
    const [, events] = await capturingReports(() =>
      run(async () => {
        const [, r1] = spawn_monitor(() => 'fine');
        const [, r2] = spawn_monitor(() => exit('observed'));
        await receive(on(['DOWN', r1, _, _, _]), after(500));
        await receive(on(['DOWN', r2, _, _, _]), after(500));
        const victim: Pid = spawn(() => receive(after(1000)));
        exit(victim, 'kill');
      }),
    );
    expect(events).to.deep.equal([]);
  });

  it('reports an exit(Reason) that nobody links to or monitors', async () => {
    const [, events] = await capturingReports(async () => {
      spawn(() => exit('lonely'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(events.map((e) => e.text)).to.deep.equal([
      'Error in process ' + events[0]?.meta.pid?.toString() + ' with exit value:\nlonely\n',
    ]);
  });

  it('a handler that throws is skipped and the others still run', async () => {
    const seen: string[] = [];
    logger.add_handler('broken', () => {
      throw new Error('handler bug');
    });
    try {
      const [, events] = await capturingReports(async () => {
        spawn(() => error('x'));
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
      seen.push(...events.map((e) => e.level));
    } finally {
      logger.remove_handler('broken');
    }
    expect(seen).to.deep.equal(['error']);
  });

  it('add_handler and remove_handler answer as OTP logger does', () => {
    const noop = (): void => undefined;
    expect(logger.add_handler('twice', noop)).to.equal('ok');
    expect(logger.add_handler('twice', noop)).to.deep.equal(['error', ['already_exist', 'twice']]);
    expect(logger.remove_handler('twice')).to.equal('ok');
    expect(logger.remove_handler('twice')).to.deep.equal(['error', ['not_found', 'twice']]);
  });

  it('get_handler_ids gives a list of the ids, which prints as a list', () => {
    logger.add_handler('probe', (): void => undefined);
    try {
      const ids = logger.get_handler_ids();
      expect(ids).to.be.instanceOf(List);
      expect([...ids]).to.deep.equal(['default', 'probe']);
      expect(io_lib.format('~w', [ids])).to.equal('[default,probe]');
    } finally {
      logger.remove_handler('probe');
    }
  });

  it('reports a crash whose reason contains itself and cannot print itself', async () => {
    const [, events] = await capturingReports(() =>
      run(async () => {
        const bad: Record<string, unknown> = {
          toString(): string {
            throw new Error('no');
          },
        };
        bad['self'] = bad;
        const [, ref] = spawn_monitor(() => {
          throw bad;
        });
        await receive(on(['DOWN', ref, _, _, _]), after(1000));
      }),
    );
    expect(events).to.have.length(1);
    expect(events[0]?.text).to.match(/^Error in process <0\.\d+\.\d+> with exit value:\n\{#\{self => /);
  });
});
