/**
 * Byte and packet counters of one endpoint: what `inet:getstat/1` and `socket:info/1` report.
 * A "packet" is one read or one write as the adapter saw it (a Node chunk, a datagram, a write
 * handed to Node), which is what inet_drv and the socket NIF count too.
 */
export class IoCounters {
  recvOct = 0;
  recvCnt = 0;
  recvMax = 0;
  /** Mean absolute deviation of read sizes, as inet_drv's `recv_dvi` (a running estimate). */
  recvDvi = 0;
  sendOct = 0;
  sendCnt = 0;
  sendMax = 0;

  /** Counts one read of `n` bytes. */
  countRecv(n: number): void {
    this.recvOct += n;
    this.recvCnt++;
    if (n > this.recvMax) this.recvMax = n;
    const avg = this.recvOct / this.recvCnt;
    this.recvDvi += (Math.abs(n - avg) - this.recvDvi) / this.recvCnt;
  }

  /** Counts one write of `n` bytes. */
  countSend(n: number): void {
    this.sendOct += n;
    this.sendCnt++;
    if (n > this.sendMax) this.sendMax = n;
  }
}

/** Counters of an endpoint that never reads or writes (a listening socket). */
export const NO_COUNTS: Readonly<IoCounters> = Object.freeze(new IoCounters());
