/**
 * Every other conformance suite: a folder test/conformance/<suite>/ without a
 * <suite>.test.ts of its own is run from here, so adding a scenario to a new
 * suite (gen_tcp, socket, inet) is only its .erl and .ts files.
 */
import { conformanceSuite, undeclaredSuites } from './harness.js';

for (const suite of undeclaredSuites()) conformanceSuite(suite);
