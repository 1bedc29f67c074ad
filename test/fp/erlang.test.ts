/**
 * The erlang BIFs that answer the atom undefined, as Options in erlts/fp: some of what is
 * there, none where the BIF says undefined, and the BIF's badarg kept.
 */
import { expect } from 'chai';
import * as O from 'fp-ts/lib/Option.js';
import { after, exit, on, receive, register, self, spawn_monitor, spawn, _ } from 'erlts';
import * as fp from 'erlts/fp';
import { raised } from './support.js';

describe('erlts/fp erlang', () => {
  it('whereis: some(Pid) for a registered name, none for another, badarg for no atom', async () => {
    const Pid = spawn(() => receive(on('stop'), after(5000)));
    register('fp_registered', Pid);
    expect(fp.erlang.whereis('fp_registered')).to.deep.equal(O.some(Pid));
    expect(fp.erlang.whereis('fp_nobody')).to.deep.equal(O.none);
    expect(raised(() => fp.erlang.whereis(42 as unknown as string)).reason).to.equal('badarg');
    Pid.send('stop');
    await receive(after(10));
  });

  it('get, put and erase: the process dictionary’s values as Options', () => {
    expect(fp.erlang.get('fp_key')).to.deep.equal(O.none);
    expect(fp.erlang.put('fp_key', 1)).to.deep.equal(O.none);
    expect(fp.erlang.put('fp_key', 2)).to.deep.equal(O.some(1));
    expect(fp.erlang.get('fp_key')).to.deep.equal(O.some(2));
    expect(fp.erlang.erase('fp_key')).to.deep.equal(O.some(2));
    expect(fp.erlang.erase('fp_key')).to.deep.equal(O.none);
  });

  it('process_info: some for a live process, none for a dead one', async () => {
    expect(fp.erlang.process_info(self(), 'trap_exit')).to.deep.equal(O.some(['trap_exit', false]));
    const [Pid, Ref] = spawn_monitor(() => exit('done'));
    await receive(on(['DOWN', Ref, _, _, _]), after(2000));
    expect(fp.erlang.process_info(Pid)).to.deep.equal(O.none);
    expect(fp.erlang.process_info(Pid, 'status')).to.deep.equal(O.none);
    expect(fp.erlang.process_info(Pid, ['status', 'trap_exit'])).to.deep.equal(O.none);
    expect(raised(() => fp.erlang.process_info('me' as never)).reason).to.equal('badarg');
  });

  it('port_info: some for an open port, none for a closed one', async () => {
    const LS = await fp.runOrExit(fp.gen_tcp.listen(0, [['ip', [127, 0, 0, 1]]]));
    expect(fp.erlang.port_info(LS, 'connected')).to.deep.equal(O.some(['connected', self()]));
    await fp.runOrExit(fp.gen_tcp.close(LS));
    expect(fp.erlang.port_info(LS, 'connected')).to.deep.equal(O.none);
  });
});
