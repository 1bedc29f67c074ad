/**
 * The harness's pure parts: trace normalisation, transcript framing, pair
 * discovery and the trace comparison message.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareTraces, discover, normalise, parseTranscript } from './harness.js';

describe('conformance harness', function () {
  it('numbers pids, refs and ports by first appearance, each kind apart', function () {
    const trace = '<0.90.0> #Ref<0.1.2.3> <0.85.0> #Port<0.7>\n{<0.90.0>,#Ref<0.0.0.9>,#Ref<0.1.2.3>}';
    expect(normalise(trace)).to.equal('<P1> #Ref<R1> <P2> #Port<N1>\n{<P1>,#Ref<R2>,#Ref<R1>}');
  });

  it('leaves everything else alone', function () {
    expect(normalise('<<"bin">> [1,2] 3.14 <a.b>')).to.equal('<<"bin">> [1,2] 3.14 <a.b>');
  });

  it('splits a framed transcript, keeping output exactly and marking an unfinished scenario', function () {
    const n = 'abc';
    const text =
      `noise\n@@${n} begin one\nline 1\nno newline` +
      `\n@@${n} end one ok\n\n@@${n} begin two\n\n@@${n} end two crash error:boom\n` +
      `\n@@${n} begin three\npartial`;
    const results = parseTranscript(text, n);
    expect(results.get('one')).to.deep.equal({ status: 'ok', output: 'line 1\nno newline' });
    expect(results.get('two')).to.deep.equal({ status: 'crash error:boom', output: '' });
    expect(results.get('three')).to.deep.equal({ status: null, output: 'partial' });
  });

  it('ignores frames with another nonce', function () {
    const text = `\n@@x begin one\n\n@@y end one ok\n\n@@x end one ok\n`;
    expect(parseTranscript(text, 'x').get('one')).to.deep.equal({
      status: 'ok',
      output: '\n@@y end one ok\n',
    });
  });

  it('pairs .erl and .ts files by name and names the ones missing a twin', function () {
    const dir = mkdtempSync(join(tmpdir(), 'erlts-discover-'));
    try {
      for (const f of ['a.erl', 'a.ts', 'b.erl', 'c.ts', 'notes.md']) writeFileSync(join(dir, f), '');
      const found = discover(dir);
      expect(found.pairs).to.deep.equal(['a']);
      const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
      expect(found.unpaired.map((u) => [u.name, base(u.has), base(u.missing)])).to.deep.equal([
        ['b', 'b.erl', 'b.ts'],
        ['c', 'c.ts', 'c.erl'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the first differing line and both traces', function () {
    expect(compareTraces('a\nb\n', 'a\nb\n')).to.equal(null);
    const message = compareTraces('a\nb\n', 'a\nc\n') ?? '';
    expect(message).to.contain('traces differ at line 2');
    expect(message).to.contain('Erlang/OTP: "b"');
    expect(message).to.contain('erlts:      "c"');
    expect(compareTraces('a\n', 'a')).to.contain('final newline');
    expect(compareTraces('a\n', 'a\nextra\n')).to.contain('(end of trace)');
  });
});
