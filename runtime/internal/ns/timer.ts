/** The `timer` module, as the `timer` namespace of `erlts`. */
export { sleep, timer_send_after as send_after, send_interval, cancel, tc, type TRef } from '../timers.js';
