/**
 * The `code` namespace of `erlts`: modules registered by name, which apply/3, `fun M:F/A`,
 * spawn_request and calls from other nodes (rpc:call, erpc:call) find functions in. JavaScript
 * loads no code by name, so a module is registered once, usually as its namespace object.
 */
export { register_module, unregister_module, is_loaded, all_loaded } from '../code.js';
