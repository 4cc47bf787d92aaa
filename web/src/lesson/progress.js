// A lesson's progress for the browser session (sessionStorage): the step shown and the steps whose
// question was answered. What is read back is checked; storage that refuses (a sandboxed frame,
// private mode) keeps the progress in memory only.

/** {load() -> {step, done: Set}, save({step, done})} for `lesson` in `storage`. */
export function lessonProgress(lesson, storage = globalThis.sessionStorage) {
  const key = `activation-lab.lesson.${lesson.id}`;
  const count = lesson.steps.length;
  const valid = (n) => Number.isInteger(n) && n >= 0 && n < count;
  return {
    load() {
      try {
        const saved = JSON.parse(storage?.getItem(key) ?? 'null');
        if (saved !== null && typeof saved === 'object' && valid(saved.step) && Array.isArray(saved.done)) {
          return { step: saved.step, done: new Set(saved.done.filter(valid)) };
        }
      } catch {
        // Unreadable or refused: start afresh.
      }
      return { step: 0, done: new Set() };
    },
    save({ step, done }) {
      try {
        storage?.setItem(key, JSON.stringify({ step, done: [...done] }));
      } catch {
        // Storage refused: the progress lasts as long as the page.
      }
    },
  };
}
