/**
 * Which node a pid, reference or port belongs to, and the one object per identifier.
 *
 * A pid, reference or port is compared by identity (terms.ts), so the external term format and the
 * distribution must hand back the very object that went out: a reply `{Ref, Reply}` from another
 * node matches the receive waiting for `Ref` only if decoding gives that `Ref`. This module keeps
 * that promise:
 * - a pid of this node decodes to its process's pid (or, once it has exited, the pid object that
 *   is still around, or a new dead one);
 * - a reference or port of this node decodes to the object that was encoded, for as long as
 *   anything still holds it (a weak table, filled as they are encoded);
 * - an identifier of another node is interned by its external form while anything holds it.
 *
 * A node is its name and creation (OTP's node table); `index` is the number its identifiers print
 * with (`<5.83.0>`), one per node name, 0 for this node.
 */

import { Pid, Port, Ref, refsMade } from './terms.js';

/** A node as identifiers name it: its name (an atom) and its creation. */
export class NodeId {
  /** The node's name, `name@host`. */
  readonly name: string;
  /** Which incarnation of the node: a restarted node has another creation. */
  readonly creation: number;
  /** The first number of a pid printed here, `<index.N.S>`: one per node name. */
  readonly index: number;

  /** @internal */
  constructor(name: string, creation: number, index: number) {
    this.name = name;
    this.creation = creation;
    this.index = index;
  }
}

/** The name this node has when it is not distributed. */
export const noNodeName = 'nonode@nohost';

let local = new NodeId(noNodeName, 0, 0);

/**
 * This node: `nonode@nohost` with creation 0, until net_kernel starts it under a name.
 * @returns this node's name and creation
 */
export function thisNode(): NodeId {
  return local;
}

/** The node's name, as `node()` gives it. */
export function thisNodeName(): string {
  return local.name;
}

/**
 * Names this node (net_kernel:start) or, with `nonode@nohost` and 0, un-names it (net_kernel:stop).
 * Identifiers of this node made before keep belonging to it, as in OTP.
 * @param name - the node name, `name@host`
 * @param creation - the creation EPMD (or the node itself) gave it
 */
export function setThisNode(name: string, creation: number): void {
  local = new NodeId(name, creation, 0);
}

const nodeIndexes = new Map<string, number>();
const nodeIds = new Map<string, NodeId>();

/** The node entry for `name` and `creation`, made once. */
export function nodeId(name: string, creation: number): NodeId {
  const key = `${creation}@${name}`;
  let id = nodeIds.get(key);
  if (id === undefined) {
    let index = nodeIndexes.get(name);
    if (index === undefined) nodeIndexes.set(name, (index = nodeIndexes.size + 1));
    nodeIds.set(key, (id = new NodeId(name, creation, index)));
  }
  return id;
}

/** Whether `name` and `creation` are this node's. */
function isLocal(name: string, creation: number): boolean {
  return name === local.name && creation === local.creation;
}

// ---------------------------------------------------------------------------
// Weak interning

/** A table of objects by key that holds none of them alive (also interns export funs, funs.ts). */
export class WeakTable<T extends object> {
  readonly #entries = new Map<string | number, WeakRef<T>>();
  readonly #registry = new FinalizationRegistry<string | number>((key) => {
    const ref = this.#entries.get(key);
    if (ref !== undefined && ref.deref() === undefined) this.#entries.delete(key);
  });

  get(key: string | number): T | undefined {
    return this.#entries.get(key)?.deref();
  }

  set(key: string | number, value: T): T {
    this.#entries.set(key, new WeakRef(value));
    this.#registry.register(value, key);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}

const remotePids = new WeakTable<Pid>();
const remoteRefs = new WeakTable<Ref>();
const remotePorts = new WeakTable<Port>();
const deadPids = new WeakTable<Pid>();
const sentRefs = new WeakTable<Ref>();
const sentPorts = new WeakTable<Port>();

/** The live process's pid for a serial of this node: set by the process table. */
let livePid: (serial: number) => Pid | undefined = () => undefined;

/** @internal The process table tells how to find a live pid by serial. */
export function setPidLookup(lookup: (serial: number) => Pid | undefined): void {
  livePid = lookup;
}

// ---------------------------------------------------------------------------
// Pids

/** The largest number and serial a pid of this node has in its external form (15 and 13 bits). */
const maxLocalNumber = 0x7fff;
const maxLocalSerial = 0x1fff;

/**
 * The pid an external form names: this node's (its process's pid, or a dead one) or another
 * node's, one object for as long as anything holds it.
 * @param name - the node's name
 * @param creation - the node's creation
 * @param num - the ID field
 * @param ser - the Serial field
 * @returns the pid, or null when a pid of this node has a number or serial out of its range
 *   (OTP's binary_to_term says badarg)
 */
export function externalPid(name: string, creation: number, num: number, ser: number): Pid | null {
  if (isLocal(name, creation)) {
    if (num > maxLocalNumber || ser > maxLocalSerial) return null;
    const serial = ser * (maxLocalNumber + 1) + num;
    const pid = livePid(serial) ?? deadPids.get(serial);
    if (pid !== undefined) return pid;
    // A pid made here and gone is dead, and so is one never made (a forged one).
    return deadPids.set(serial, new Pid(serial, null));
  }
  const key = `${num}.${ser}.${creation}@${name}`;
  return remotePids.get(key) ?? remotePids.set(key, new Pid(num, null, nodeId(name, creation), ser));
}

/** A pid's external form: `[Node, ID, Serial]`. */
export function pidParts(pid: Pid): [NodeId, number, number] {
  if (pid._node !== null) return [pid._node, pid.serial, pid._ser];
  // A dead pid may be decoded again: keep it findable while it is held.
  if (pid._process === null && deadPids.get(pid.serial) === undefined) deadPids.set(pid.serial, pid);
  return [local, pid.serial & maxLocalNumber, Math.floor(pid.serial / (maxLocalNumber + 1)) & maxLocalSerial];
}

// ---------------------------------------------------------------------------
// References

/**
 * The reference an external form names. A reference of this node is the one encoded earlier, if
 * it is still held; one never made here (or long dropped) is a new reference that equals nothing
 * held anywhere, as OTP's would.
 * @param name - the node's name
 * @param creation - the node's creation
 * @param words - the ID words, first word first
 * @returns the reference
 */
export function externalRef(name: string, creation: number, words: readonly number[]): Ref {
  if (isLocal(name, creation) && words.length === 3 && words[2] === 0 && words[0]! < 0x40000) {
    const serial = words[1]! * 0x40000 + words[0]!;
    if (serial > 0 && serial <= refsMade()) {
      const sent = sentRefs.get(serial);
      if (sent !== undefined) return sent;
    }
  }
  // The key is made only here: decoding this node's references, the common case, needs none.
  const key = `${words.join('.')}.${creation}@${name}`;
  return remoteRefs.get(key) ?? remoteRefs.set(key, Ref._remote(nodeId(name, creation), words));
}

/** A reference's external form: `[Node, Words]` (first word first). */
export function refParts(ref: Ref): [NodeId, readonly number[]] {
  if (ref._node !== null) return [ref._node, ref._words as readonly number[]];
  if (sentRefs.get(ref.serial) === undefined) sentRefs.set(ref.serial, ref);
  return [local, ref._externalWords];
}

// ---------------------------------------------------------------------------
// Ports

/**
 * The port an external form names: one of this node's that was encoded and is still held, else
 * an interned port of that number.
 * @param name - the node's name
 * @param creation - the node's creation
 * @param id - the port's number
 * @returns the port
 */
export function externalPort(name: string, creation: number, id: number): Port {
  if (isLocal(name, creation)) {
    const sent = sentPorts.get(id);
    if (sent !== undefined) return sent;
    return sentPorts.set(id, Port._external(null, id));
  }
  const key = `${id}.${creation}@${name}`;
  return remotePorts.get(key) ?? remotePorts.set(key, Port._external(nodeId(name, creation), id));
}

/** A port's external form: `[Node, ID]`. */
export function portParts(port: Port): [NodeId, number] {
  if (port._node !== null) return [port._node, port.serial];
  if (sentPorts.get(port.serial) === undefined) sentPorts.set(port.serial, port);
  return [local, port.serial];
}

/**
 * The node a pid, reference or port belongs to, as `node(Arg)`.
 * @param id - a pid, reference or port
 * @returns its node's name
 */
export function nodeOf(id: Pid | Ref | Port): string {
  return (id._node ?? local).name;
}
