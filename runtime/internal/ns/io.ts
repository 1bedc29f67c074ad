/** The `io` module, as the `io` namespace of `erlts`. */
export { format, fwrite, put_chars, nl, write, type Device } from '../io.js';
