/** The `io_lib` module, as the `io_lib` namespace of `erlts`. */
export { format, fwrite, write } from '../io-lib.js';
