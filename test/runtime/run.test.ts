import { expect } from 'chai';
import { ExitError, error, exit, run } from 'erlts';
import { capturingReports } from '../support/processes.js';

/** What `run(fn)` rejects with. */
async function rejection(fn: () => unknown): Promise<ExitError> {
  const [e] = await capturingReports(async () => {
    try {
      await run(fn);
    } catch (caught) {
      return caught;
    }
    throw new Error('run resolved');
  });
  if (!ExitError.is(e)) throw new Error(`not an ExitError: ${String(e)}`);
  return e;
}

describe('run', () => {
  it("names a thrown JS error's class and whole message in the ExitError's message", async () => {
    const text = `the widget must be between 1 and 10, the caller gave 11: ${'x'.repeat(150)}`;
    const thrown = new RangeError(text);
    const e = await rejection(async () => {
      throw thrown;
    });
    expect(e.message).to.match(/^process <0\.\d+\.\d+> exited: RangeError: /);
    expect(e.message.endsWith(`RangeError: ${text}`)).to.equal(true);
    expect(e.cause).to.equal(thrown);
    expect((e.reason as unknown[])[0]).to.equal(thrown);
  });

  it('keeps the message of a TypeError the JS engine raised', async () => {
    const e = await rejection(() => (null as unknown as { x: { y: number } }).x.y);
    expect(e.message).to.match(/exited: TypeError: Cannot read properties of null/);
  });

  it('describes an Erlang exit reason in Erlang syntax', async () => {
    expect((await rejection(() => exit(['shutdown', 'boom']))).message).to.match(
      /^process <0\.\d+\.\d+> exited: \{shutdown,boom\}$/,
    );
    const e = await rejection(() => error('badarg'));
    expect(e.message).to.match(/^process <0\.\d+\.\d+> exited: \{badarg,\[/);
    expect(e.cause).to.equal(undefined);
  });
});
