/** The `timer` module, as the `timer` namespace of `erlts`. */
export { sleep, send_after, send_interval, cancel, tc, type TRef } from '../timer.js';
