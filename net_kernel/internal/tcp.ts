/**
 * The little of node:net the distribution transport needs: connecting with a deadline on the
 * runtime's clock, and Node's error codes as the POSIX atoms OTP reports (`econnrefused`).
 */
import * as dns from 'node:dns';
import * as net from 'node:net';
import { getClock } from '../../runtime/internal/dist-api.js';

/** A failed connect or socket, as its POSIX atom (`econnrefused`, `timeout`, `closed`). */
export function posixOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code.toLowerCase() : 'einval';
}

/**
 * Connects to `host:port`, giving up after `timeoutMs` on the clock.
 * @returns the connected socket (no listeners left on it), or the failure's POSIX atom
 */
export function connectTcp(
  host: string,
  port: number,
  timeoutMs: number,
  family?: 4 | 6,
): Promise<net.Socket | { error: string }> {
  return new Promise((resolve) => {
    const clock = getClock();
    const sock = net.createConnection({ host, port, ...(family === undefined ? {} : { family }) });
    let settled = false;
    const settle = (r: net.Socket | { error: string }): void => {
      if (settled) return;
      settled = true;
      clock.clearTimer(timer);
      sock.off('connect', onConnect);
      sock.off('error', onError);
      resolve(r);
    };
    const onConnect = (): void => settle(sock);
    const onError = (err: Error): void => {
      sock.destroy();
      settle({ error: posixOf(err) });
    };
    const timer = clock.setTimer(timeoutMs, () => {
      sock.destroy();
      settle({ error: 'timeout' });
    });
    sock.once('connect', onConnect);
    sock.once('error', onError);
  });
}

/**
 * The first IPv4 address of `host`, as inet:gethostbyname/2 with family inet gives it; an
 * address literal as it is. Gives up after `timeoutMs` on the clock.
 * @returns the address, or `{ error }`: `nxdomain` (no such host), `timeout`, another POSIX atom
 */
export function lookupIPv4(host: string, timeoutMs: number): Promise<string | { error: string }> {
  if (net.isIPv4(host)) return Promise.resolve(host);
  return new Promise((resolve) => {
    const clock = getClock();
    let settled = false;
    const settle = (r: string | { error: string }): void => {
      if (settled) return;
      settled = true;
      clock.clearTimer(timer);
      resolve(r);
    };
    const timer = clock.setTimer(timeoutMs, () => settle({ error: 'timeout' }));
    dns.promises.lookup(host, { family: 4 }).then(
      ({ address }) => settle(address),
      (e: unknown) => {
        const code = posixOf(e);
        settle({ error: code === 'enotfound' || code === 'enodata' ? 'nxdomain' : code });
      },
    );
  });
}
