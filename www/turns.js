/**
 * Turns: a page's verifications and cards, one step per task (internal to badge-verifier).
 *
 * The wasm calls are synchronous: fifty badges whose credentials arrived together would be one
 * long task, the page frozen and every card shown at once. Instead each wasm step (start a
 * verification, advance it, finish it, render a card) waits for a turn, one per task, so the
 * browser handles input and paints between them (the page's first verification also compiles
 * much of the module as it goes: in one piece it was a task of about 50 ms). Cards go first, then
 * verifications under way, then new ones: each card shows as soon as its badge is verified.
 * A step asked for early in a task (within SLICE_MS of its start) runs at once, with nobody
 * waiting before it: a warm verification and its card are then one short task, not four.
 * (A MessageChannel rather than setTimeout: timers set from timers are clamped to 4 ms.)
 *
 * Without a document (Node, a Worker) there is no page to keep responsive: every turn is now.
 * (A MessageChannel port listening in Node would also keep the process alive.)
 */

const SLICE_MS = 8;
const priority = { card: 0, step: 1, verification: 2 };
const waiting = [[], [], []];
let turnPosted = false;
let sliceEnds = 0;
let channel = null; // created by the first turn that has to wait

function postTurn() {
  if (turnPosted) return;
  turnPosted = true;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      turnPosted = false;
      sliceEnds = performance.now() + SLICE_MS;
      const queue = waiting.find((q) => q.length > 0);
      const resume = queue?.shift();
      if (waiting.some((q) => q.length > 0)) postTurn();
      resume?.();
    };
  }
  channel.port2.postMessage(null);
}

/**
 * Resolves after the turns waiting of `kind` or before it (`card`, `step`, `verification`): in a
 * task of its own, unless this task is young and nobody waits before it, or there is no page.
 * @param {'card' | 'step' | 'verification'} kind
 * @returns {Promise<void>}
 */
export function turn(kind) {
  if (typeof document === 'undefined') return Promise.resolve();
  const rank = priority[kind];
  if (performance.now() < sliceEnds && waiting.every((q, i) => i > rank || q.length === 0)) return Promise.resolve();
  return new Promise((resume) => {
    waiting[rank].push(resume);
    postTurn();
  });
}
