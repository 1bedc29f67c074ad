/**
 * Byte and packet counters of one endpoint: what `inet:getstat/1` and `socket:info/1` report.
 * A "packet" is one read or one write as the adapter saw it (a Node chunk, a datagram, a write
 * handed to Node), which is what inet_drv and the socket NIF count too.
 */
export class IoCounters {
  recvOct = 0;
  recvCnt = 0;
  recvMax = 0;
  /**
   * inet_drv's `recv_dvi`: a running signed deviation of read sizes from their running mean
   * (`recv_dvi` reports its magnitude). The mean is kept apart from recvOct/recvCnt, as
   * inet_drv keeps it, so both round as inet_drv's do.
   */
  recvDvi = 0;
  /** The running mean recvDvi is measured from. */
  recvMean = 0;
  sendOct = 0;
  sendCnt = 0;
  sendMax = 0;

  /** Counts one read of `n` bytes. */
  countRecv(n: number): void {
    this.recvOct += n;
    this.recvCnt++;
    if (n > this.recvMax) this.recvMax = n;
    const cnt = this.recvCnt;
    this.recvMean += (n - this.recvMean) / cnt;
    this.recvDvi += (n - this.recvMean - this.recvDvi) / cnt;
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
