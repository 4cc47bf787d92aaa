// A pool of experiment-call members (each one Web Worker, or the main-thread fallback, see
// calls.js) that share the runs of one or more jobs: each member holds a few calls of the oldest
// job at a time (so it never waits for the page between runs), and each job delivers its results
// strictly in the order of its calls, whatever the order they finish in, so a pool gives exactly
// the table of one worker. Cancelling a job terminates the members busy with it; fresh ones start
// when work next needs them.
import { createExperimentCalls } from './calls.js';
import { workersAllowed } from '../bundle-worker.js';

/** How many calls a member holds at once (queued in its worker), so it never waits for the page between runs. */
export const defaultCallsPerMember = 4;

/** How many members a pool of at most `limit` uses on a machine with `cores` logical cores (at least 1). */
export function poolSize(limit, cores = globalThis.navigator?.hardwareConcurrency) {
  const available = Number.isInteger(cores) && cores > 0 ? cores : 1;
  return Math.max(1, Math.min(limit, available));
}

/**
 * A pool. size(): how many members the next job may use (read when a job starts); makeMember(): a new
 * member {call(method, ...args) -> Promise, mode, dispose()}; callsPerMember: calls sent to a member
 * before it answers. Returns {run(calls, deliver), mode, members, dispose()}.
 */
export function createPool({ size, makeMember, callsPerMember = defaultCallsPerMember }) {
  let slots = [];
  const jobs = [];
  let lastMode = 'idle';
  let lastMembers = 0;

  function remember() {
    const modes = slots.map((slot) => slot.member?.mode).filter(Boolean);
    if (modes.length === 0) return;
    lastMode = ['worker', 'starting', 'main', 'idle'].find((mode) => modes.includes(mode));
    lastMembers = modes.filter((mode) => mode === lastMode).length;
  }

  function stop(slot) {
    slot.member?.dispose();
    Object.assign(slot, { member: null, job: null, busy: 0 });
  }

  function resize(count) {
    remember();
    for (const slot of slots.slice(count)) if (slot.busy === 0) stop(slot);
    slots = slots.slice(0, count);
    while (slots.length < count) slots.push({ member: null, job: null, busy: 0 });
  }

  function nextJob(slot) {
    if (!slots.includes(slot) || slot.busy >= callsPerMember) return null;
    if (slot.busy > 0) return slot.job.next < slot.job.calls.length ? slot.job : null;
    return jobs.find((j) => j.next < j.calls.length) ?? null;
  }

  function give(slot) {
    for (let job = nextJob(slot); job; job = nextJob(slot)) {
      const index = job.next;
      job.next += 1;
      slot.job = job;
      slot.busy += 1;
      slot.member ??= makeMember();
      const member = slot.member;
      const settle = (outcome) => {
        if (slot.member !== member) return;
        slot.busy -= 1;
        if (slot.busy === 0) slot.job = null;
        if (!slots.includes(slot) && slot.busy === 0) stop(slot);
        job.arrive(index, outcome);
        give(slot);
      };
      const { method, args } = job.calls[index];
      member.call(method, ...args).then((value) => settle({ value }), (error) => settle({ error }));
    }
  }

  function end(job) {
    job.stopped = true;
    if (jobs.includes(job)) jobs.splice(jobs.indexOf(job), 1);
  }

  return {
    /**
     * Runs `calls` ([{method, args}]); deliver(index, result) for each in index order. Returns
     * {done: Promise of 'done' | 'cancelled' (rejects with the first failing call's error, after
     * delivering every call before it), cancel()}.
     */
    run(calls, deliver) {
      const job = { calls, next: 0, stopped: false };
      const arrived = new Map();
      let delivered = 0;
      const halt = () => {
        end(job);
        remember();
        for (const slot of slots) if (slot.job === job) stop(slot);
        for (const slot of slots) give(slot);
      };
      const done = new Promise((resolve, reject) => {
        job.arrive = (index, outcome) => {
          if (job.stopped) return;
          arrived.set(index, outcome);
          while (arrived.has(delivered)) {
            const { value, error } = arrived.get(delivered);
            arrived.delete(delivered);
            if (error) {
              halt();
              reject(error);
              return;
            }
            delivered += 1;
            deliver(delivered - 1, value);
            if (job.stopped) return;
          }
          if (delivered === calls.length) {
            end(job);
            resolve('done');
          }
        };
        job.cancel = () => {
          if (job.stopped) return;
          halt();
          resolve('cancelled');
        };
        if (calls.length === 0) {
          job.stopped = true;
          resolve('done');
        }
      });
      if (!job.stopped) {
        jobs.push(job);
        resize(size());
        for (const slot of slots) give(slot);
      }
      return { done, cancel: () => job.cancel() };
    },
    /** Where the calls run: 'idle' (none yet), 'starting', 'worker' or 'main' (the last members' mode after a cancel). */
    get mode() {
      remember();
      return lastMode;
    },
    /** How many members run calls in that mode. */
    get members() {
      remember();
      return lastMembers;
    },
    /** Stops every member; running jobs never settle. */
    dispose() {
      for (const job of [...jobs]) end(job);
      remember();
      for (const slot of slots) stop(slot);
      slots = [];
    },
  };
}

/** The page's pool of experiment workers: up to poolSize(limit()) Web Workers, or one main-thread member where none may start. */
export function createExperimentPool({ engine, limit, useWorker = workersAllowed() }) {
  return createPool({
    size: () => (useWorker ? poolSize(limit()) : 1),
    makeMember: () => createExperimentCalls({ engine, useWorker }),
  });
}
