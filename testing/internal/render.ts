/**
 * How the test helpers name terms in their messages: a receive pattern in Erlang syntax, with
 * `_` for the wildcard and `is(pred)` for a predicate (which io_lib would print as an empty
 * map), and the messages of a mailbox, each as `~p` prints it, folded onto one line.
 */
import { _, io_lib } from 'erlts';
import { describe, mapPairs, termKind } from '../../runtime/internal/library-api.js';

/** The longest rendering of one message; a longer one is cut with `...`. */
const messageWidth = 200;
/** How many messages of a mailbox a failure lists. */
const listed = 10;

/** The predicate of an `is(pred)` pattern, found by its brand (pattern.ts keeps it private). */
function predicateOf(value: object): ((v: unknown) => unknown) | undefined {
  for (const key of Object.getOwnPropertySymbols(value)) {
    const held = (value as Record<symbol, unknown>)[key];
    if (key.description === 'erlts.is' && typeof held === 'function') return held as (v: unknown) => unknown;
  }
  return undefined;
}

/**
 * A receive pattern in Erlang syntax: `{tcp,_,is(is_binary)}`.
 * @param pattern - what `on(...)` was given
 * @returns the text, never throwing
 */
export function renderPattern(pattern: unknown): string {
  if (pattern === _) return '_';
  switch (termKind(pattern)) {
    case 'tuple':
      return `{${(pattern as unknown[]).map(renderPattern).join(',')}}`;
    case 'list':
      return `[${(pattern as unknown[]).map(renderPattern).join(',')}]`;
    case 'map': {
      const pred = predicateOf(pattern as object);
      if (pred !== undefined) return `is(${pred.name || 'fun'})`;
      const pairs = mapPairs(pattern as object).map(([k, v]) => `${describe(k)} => ${renderPattern(v)}`);
      return `#{${pairs.join(',')}}`;
    }
    default:
      return describe(pattern);
  }
}

/**
 * One message as `~p` prints it, on one line and at most {@link messageWidth} characters.
 * @param msg - any term
 * @returns the text, never throwing
 */
export function renderMessage(msg: unknown): string {
  let text: string;
  try {
    // ~p breaks long terms over lines; strings keep their newlines escaped, so folding is safe.
    text = io_lib.format('~p', [msg]).replace(/\n\s*/g, ' ');
  } catch {
    text = describe(msg);
  }
  return text.length <= messageWidth ? text : `${text.slice(0, messageWidth - 3)}...`;
}

/**
 * What a mailbox holds, for a failure message: `the mailbox is empty`, or `the mailbox holds 2
 * messages: hello, {tcp_closed,#Port<0.5>}`, the first {@link listed} of them.
 * @param messages - the queued messages, oldest first
 * @returns the sentence
 */
export function renderMailbox(messages: readonly unknown[]): string {
  if (messages.length === 0) return 'the mailbox is empty';
  const shown = messages.slice(0, listed).map(renderMessage);
  if (messages.length > listed) shown.push(`... (${messages.length - listed} more)`);
  const count = messages.length === 1 ? '1 message' : `${messages.length} messages`;
  return `the mailbox holds ${count}: ${shown.join(', ')}`;
}
