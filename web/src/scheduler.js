// Main-thread slicing: work split into pieces, each run in its own task, so input, painting and
// worker messages get through between pieces. Tasks come from a MessageChannel message: unlike
// nested timers they are never clamped to 4 ms.

/** A scheduler: schedule(fn) runs fn in a new task, in the order scheduled. */
export function createTaskQueue() {
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(0);
  };
}

let shared = null;

/** Resolves in a new task (one shared queue for the page, made on first use). */
export function nextTask() {
  shared ??= createTaskQueue();
  return new Promise((resolve) => shared(resolve));
}
