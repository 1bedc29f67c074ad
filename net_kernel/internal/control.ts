/**
 * The distribution protocol's control messages (ERTS user's guide, "Distribution Protocol",
 * "Protocol between Connected Nodes"): their operation codes, and which take a message or a
 * reason after the control tuple. Pure data; dist.ts sends and handles them.
 */

/** Operation codes: the first element of a control tuple. */
export const Op = {
  LINK: 1,
  SEND: 2,
  EXIT: 3,
  UNLINK: 4,
  NODE_LINK: 5,
  REG_SEND: 6,
  GROUP_LEADER: 7,
  EXIT2: 8,
  SEND_TT: 12,
  EXIT_TT: 13,
  REG_SEND_TT: 16,
  EXIT2_TT: 18,
  MONITOR_P: 19,
  DEMONITOR_P: 20,
  MONITOR_P_EXIT: 21,
  SEND_SENDER: 22,
  SEND_SENDER_TT: 23,
  PAYLOAD_EXIT: 24,
  PAYLOAD_EXIT_TT: 25,
  PAYLOAD_EXIT2: 26,
  PAYLOAD_EXIT2_TT: 27,
  PAYLOAD_MONITOR_P_EXIT: 28,
  SPAWN_REQUEST: 29,
  SPAWN_REQUEST_TT: 30,
  SPAWN_REPLY: 31,
  SPAWN_REPLY_TT: 32,
  ALIAS_SEND: 33,
  ALIAS_SEND_TT: 34,
  UNLINK_ID: 35,
  UNLINK_ID_ACK: 36,
} as const;

/** The operations followed by a second term: a message, an exit reason, or spawn arguments. */
export const withPayload: ReadonlySet<number> = new Set([
  Op.SEND,
  Op.REG_SEND,
  Op.SEND_TT,
  Op.REG_SEND_TT,
  Op.SEND_SENDER,
  Op.SEND_SENDER_TT,
  Op.PAYLOAD_EXIT,
  Op.PAYLOAD_EXIT_TT,
  Op.PAYLOAD_EXIT2,
  Op.PAYLOAD_EXIT2_TT,
  Op.PAYLOAD_MONITOR_P_EXIT,
  Op.SPAWN_REQUEST,
  Op.SPAWN_REQUEST_TT,
  Op.ALIAS_SEND,
  Op.ALIAS_SEND_TT,
]);

/** SPAWN_REPLY's flags: the new process was linked to (1) or monitored by (2) the requester. */
export const SpawnReplyFlag = { LINK: 1, MONITOR: 2 } as const;
