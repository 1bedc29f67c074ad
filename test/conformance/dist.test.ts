/**
 * Conformance of erlts's distribution with Erlang/OTP's: every scenario pair in
 * test/conformance/dist/ runs twice against a BEAM peer node, once driven from an `erl -sname`
 * node (two BEAM nodes) and once from an erlts node (one BEAM, one erlts), and the two traces
 * must match line by line (see harness.ts).
 *
 * The suite starts the real `epmd` on a free port, and two peer nodes from one `erl` (one per
 * side, so the sides run at the same time), each with dist/peer/dist_peer.erl loaded and started
 * (its registered echo and gen_server; every module of dist/peer/ is loadable there). Scenarios find their peer in CONFORMANCE_PEER. Each
 * side's node names, `drv_e_<tag>`/`peer_e_<tag>` and `drv_t_<tag>`/`peer_t_<tag>`, have the
 * same length, so `~p` breaks lines at the same places, and become `drv` and `peer` in the
 * traces.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { conformanceDir, conformanceSuite, onPath, type SuiteSetup } from './harness.js';
import { ErlNode, freePort, startRealEpmd, tempDir } from '../dist/support.js';

async function setup(): Promise<SuiteSetup> {
  const tag = randomBytes(3).toString('hex');
  const cookie = `conformance-${randomBytes(6).toString('hex')}`;
  const epmdPort = await freePort();
  const epmd = await startRealEpmd(epmdPort);
  const beams = tempDir('erlts-conformance-dist-peer-');
  const peers: ErlNode[] = [];
  const teardown = async (): Promise<void> => {
    for (const p of peers) await p.stop();
    await epmd.kill();
    beams.cleanup();
  };
  try {
    const peerDir = join(conformanceDir, 'dist', 'peer');
    const modules = readdirSync(peerDir).filter((f) => f.endsWith('.erl'));
    execFileSync('erlc', ['-o', beams.path, ...modules.map((f) => join(peerDir, f))]);
    for (const side of ['e', 't']) {
      const peer = await ErlNode.start({
        sname: `peer_${side}_${tag}`,
        cookie,
        epmdPort,
        args: ['-pa', beams.path],
      });
      peers.push(peer);
      const started = await peer.eval('dist_peer:start()');
      if (started !== 'ok') throw new Error(`dist_peer:start() on ${peer.node}: ${started}`);
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  const [erlPeer, tsPeer] = peers as [ErlNode, ErlNode];
  const env = { ERL_EPMD_PORT: String(epmdPort) };
  const names = new RegExp(`(drv|peer)_[et]_${tag}`, 'g');
  return {
    erlang: {
      args: ['-sname', `drv_e_${tag}`, '-setcookie', cookie, '-start_epmd', 'false'],
      env: { ...env, CONFORMANCE_PEER: erlPeer.node },
    },
    erlts: {
      env: {
        ...env,
        CONFORMANCE_PEER: tsPeer.node,
        ERLTS_CONFORMANCE_SNAME: `drv_t_${tag}`,
        ERLTS_CONFORMANCE_COOKIE: cookie,
      },
    },
    normalise: (trace) => trace.replace(names, '$1'),
    teardown,
  };
}

conformanceSuite('dist', { scenarioTimeoutMs: 8000, ...(onPath('erl') ? { setup } : {}) });
