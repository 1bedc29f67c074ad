/**
 * Conformance of erlts's process model with Erlang/OTP: every scenario pair
 * in test/conformance/runtime/ runs under real `erl` and under erlts, and the
 * normalised traces must match line by line (see harness.ts).
 */
import { conformanceSuite } from './harness.js';

conformanceSuite('runtime');
