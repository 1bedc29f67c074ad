// @ts-check
// The OTP Design Principles' channel server (gen_server chapter), a literal port: the module is
// its own callback module, as ch3.erl is. Run it to see a few channels allocated and freed:
//   node examples/ch3.js
//
// -module(ch3).
// -behaviour(gen_server).
// -export([start_link/0, alloc/0, free/1]).
// -export([init/1, handle_call/3, handle_cast/2]).
//
// start_link() -> gen_server:start_link({local, ch3}, ch3, [], []).
// alloc() -> gen_server:call(ch3, alloc).
// free(Ch) -> gen_server:cast(ch3, {free, Ch}).
//
// init(_Args) -> {ok, channels()}.
// handle_call(alloc, _From, Chs) -> {Ch, Chs2} = alloc(Chs), {reply, Ch, Chs2}.
// handle_cast({free, Ch}, Chs) -> Chs2 = free(Ch, Chs), {noreply, Chs2}.
import { fileURLToPath } from 'node:url';
import { io, list, ok, run } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as lists from 'erlts/lists';
import * as ch3 from './ch3.js';

export const MODULE = 'ch3';

export const start_link = () => gen_server.start_link(['local', 'ch3'], ch3, [], []);
/** @returns {Promise<number>} */
export const alloc = async () => /** @type {number} */ (await gen_server.call('ch3', 'alloc'));
/** @param {number} Ch */
export const free = (Ch) => gen_server.cast('ch3', ['free', Ch]);

/** @typedef {[number[], number[]]} Chs  {Allocated, Free} */

/** @param {unknown} _Args */
export function init(_Args) {
  return ['ok', channels()];
}

/**
 * @param {'alloc'} _Req
 * @param {gen_server.From} _From
 * @param {Chs} Chs
 */
export function handle_call(_Req, _From, Chs) {
  const [Ch, Chs2] = alloc_(Chs);
  return ['reply', Ch, Chs2];
}

/**
 * @param {['free', number]} Req
 * @param {Chs} Chs
 */
export function handle_cast([, Ch], Chs) {
  const Chs2 = free_(Ch, Chs);
  return ['noreply', Chs2];
}

// channels() -> {_Allocated = [], _Free = lists:seq(1, 100)}.
/** @returns {Chs} */
function channels() {
  return [list(), lists.seq(1, 100)];
}

// alloc({Allocated, [H|T] = _Free}) -> {H, {[H|Allocated], T}}.
/** @param {Chs} Chs @returns {[number, Chs]} */
function alloc_([Allocated, [H, ...T]]) {
  const Ch = /** @type {number} */ (H);
  return [Ch, [list(Ch, ...Allocated), list(...T)]];
}

// free(Ch, {Alloc, Free} = Channels) ->
//     case lists:member(Ch, Alloc) of
//         true -> {lists:delete(Ch, Alloc), [Ch|Free]};
//         false -> Channels
//     end.
/** @param {number} Ch @param {Chs} Channels @returns {Chs} */
function free_(Ch, Channels) {
  const [Alloc, Free] = Channels;
  return lists.member(Ch, Alloc) ? [lists.delete(Ch, Alloc), list(Ch, ...Free)] : Channels;
}

// A short session, as one would type it in the shell.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await run(async () => {
    ok(await start_link());
    const Ch1 = await alloc();
    const Ch2 = await alloc();
    io.format('allocated ~p and ~p~n', [Ch1, Ch2]);
    free(Ch1);
    io.format('after freeing ~p the next is ~p~n', [Ch1, await alloc()]);
  });
}
