/**
 * A process's message queue: a singly linked list, oldest first.
 *
 *   head ─▶ [m1] ─▶ [m2] ─▶ [m3] ─▶ null
 *                    ▲        ▲
 *                 markAfter  tail
 *
 * Selective receive removes from anywhere, so the list is linked, not an
 * array. The mark makes the call pattern linear: `make_ref()` records the
 * current tail as `markAfter`; a receive whose every clause needs that ref
 * starts scanning after it, since no older message can hold a ref that did
 * not exist yet (Erlang's recv_mark). Removing the mark node moves the mark
 * to its predecessor, so the mark is never stale. A process with no mailbox
 * yet needs no mark: every message it will ever get is newer than the ref.
 */
import type { Pid, Ref } from './terms.js';

export interface MessageNode {
  readonly msg: unknown;
  next: MessageNode | null;
}

export class Mailbox {
  head: MessageNode | null = null;
  tail: MessageNode | null = null;
  length = 0;
  /** The ref of the last mark, and the node after which its messages start. */
  markRef: Ref | Pid | null = null;
  markAfter: MessageNode | null = null;

  push(msg: unknown): void {
    const node: MessageNode = { msg, next: null };
    if (this.tail === null) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    this.length++;
  }

  /** Unlinks `node`, whose predecessor is `prev` (null when it is the head). */
  remove(node: MessageNode, prev: MessageNode | null): void {
    if (prev === null) this.head = node.next;
    else prev.next = node.next;
    if (this.tail === node) this.tail = prev;
    if (this.markAfter === node) this.markAfter = prev;
    this.length--;
  }

  /**
   * Removes the messages `pred` accepts, oldest first, at most `limit` of them (the socket
   * code's selective flushes: controlling_process moving a port's messages, close/1).
   * @returns the removed messages, in order
   */
  take(pred: (msg: unknown) => boolean, limit = Infinity): unknown[] {
    const out: unknown[] = [];
    let prev: MessageNode | null = null;
    let node = this.head;
    while (node !== null && out.length < limit) {
      const next = node.next;
      if (pred(node.msg)) {
        this.remove(node, prev);
        out.push(node.msg);
      } else prev = node;
      node = next;
    }
    return out;
  }

  /** Records that messages from now on may hold `ref` (a fresh reference, or a new process's pid). */
  mark(ref: Ref | Pid): void {
    this.markRef = ref;
    this.markAfter = this.tail;
  }

  /**
   * The node a scan for a receive needing `ref` starts after: the mark's node
   * when `ref` is the marked one, else null (scan from the head).
   */
  scanAfter(ref: Ref | Pid | null): MessageNode | null {
    return ref !== null && ref === this.markRef ? this.markAfter : null;
  }

  /** Removes and returns every message, oldest first. */
  drain(): unknown[] {
    const out: unknown[] = [];
    for (let node = this.head; node !== null; node = node.next) out.push(node.msg);
    this.clear();
    return out;
  }

  /** The messages, oldest first, without removing them. */
  toArray(): unknown[] {
    const out: unknown[] = [];
    for (let node = this.head; node !== null; node = node.next) out.push(node.msg);
    return out;
  }

  clear(): void {
    this.head = null;
    this.tail = null;
    this.length = 0;
    this.markAfter = null;
  }
}
