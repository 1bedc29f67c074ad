/** A process's status, as process_info reports it; a plain field, not a state machine. */
export const Status = {
  Runnable: 0,
  Waiting: 1,
  Exited: 2,
} as const;

export type Status = (typeof Status)[keyof typeof Status];
