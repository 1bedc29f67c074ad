/**
 * Sockets from a file descriptor the process already has (socket:open/1,2), such as one a
 * parent process or a service manager passed on. Node opens a descriptor as a TCP or local
 * stream (`net.Socket({fd})`, which tells the two apart) or as a UDP endpoint
 * (`dgram` bind with `{fd}`); a stream with no peer is taken as a listening socket and handed
 * to a `net.Server`.
 *
 * Node cannot duplicate a descriptor, so the socket owns the one given: closing it closes
 * that descriptor (OTP's `dup => false`), and a descriptor this process's event loop already
 * watches cannot be opened again (`eexist`).
 */
import * as net from 'node:net';
import { fstatSync } from 'node:fs';
import { posixFromNodeError, type NodeFailure } from '../posix.js';
import { DgramPort } from '../udp/dgram.js';

/** What a descriptor opens as: a connected stream, a listening server, or a UDP endpoint. */
export type FromFd =
  | { readonly kind: 'stream'; readonly domain: 'inet' | 'inet6' | 'local'; readonly sock: net.Socket }
  | { readonly kind: 'listen'; readonly domain: 'inet' | 'inet6' | 'local'; readonly server: net.Server }
  | { readonly kind: 'dgram'; readonly domain: 'inet' | 'inet6'; readonly port: DgramPort };

/**
 * Opens a descriptor as a Node endpoint (a stream's socket is paused: nothing is read yet).
 * @param fd - the descriptor
 * @param udpDomain - the family of a UDP descriptor (Node cannot read it before opening)
 * @returns the endpoint, or `{error, Posix}`: `ebadf` for no descriptor, `enotsock` for a file
 */
export async function openFd(
  fd: number,
  udpDomain: 'inet' | 'inet6',
): Promise<FromFd | readonly ['error', NodeFailure]> {
  try {
    if (!fstatSync(fd).isSocket()) return ['error', 'enotsock'];
  } catch (err) {
    return ['error', posixFromNodeError(err)];
  }
  // libuv refuses a descriptor its loop already watches (EEXIST), after Node has made a
  // handle for it that nothing would close: ask first.
  if (watched(fd)) return ['error', 'eexist'];
  let sock: net.Socket;
  try {
    // pauseOnCreate (not in Node's types): no read starts on what may be a listening socket.
    const o = { fd, pauseOnCreate: true, readable: true, writable: true, allowHalfOpen: true };
    sock = new net.Socket(o);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_INVALID_FD_TYPE' && e.message.includes('UDP')) return openUdp(fd, udpDomain);
    return ['error', posixFromNodeError(e)];
  }
  const local = (sock as unknown as { _handle?: object })._handle?.constructor.name === 'Pipe';
  const family = local ? undefined : (sock.address() as Partial<net.AddressInfo>).family;
  const domain = local ? 'local' : family === 'IPv6' ? 'inet6' : 'inet';
  if (sock.remoteAddress !== undefined || domain === 'local') {
    // A local descriptor is taken as connected: Node cannot tell a listening one.
    return { kind: 'stream', domain, sock };
  }
  const server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true });
  const failure = await new Promise<NodeFailure | null>((resolve) => {
    server.once('error', (err) => resolve(posixFromNodeError(err)));
    server.listen(sock, () => resolve(null));
  });
  if (failure !== null) return ['error', failure];
  return { kind: 'listen', domain, server };
}

/** Whether a live Node handle of this process holds the descriptor. */
function watched(fd: number): boolean {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.some((h) => {
    const own = (h as { _handle?: { fd?: unknown } } | null)?._handle;
    return own?.fd === fd || (h as { fd?: unknown } | null)?.fd === fd;
  });
}

async function openUdp(
  fd: number,
  domain: 'inet' | 'inet6',
): Promise<FromFd | readonly ['error', NodeFailure]> {
  const port = new DgramPort(domain);
  const r = await port.bindFd(fd);
  return r === 'ok' ? { kind: 'dgram', domain, port } : r;
}
