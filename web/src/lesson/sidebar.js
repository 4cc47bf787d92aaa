// The lesson beside the panel: step k of n, the step's prompt and question, feedback in a live
// region, Back / Next, progress kept for the session. Each step is shown through `stage`, which
// mounts the step's panel with its settings and classroom trims and reports the panel's
// settings and training status back, so questions are checked against what the panel shows.
import { registerStrings, t, language, onLanguageChange } from '../i18n.js';
import strings from '../i18n/lessons.js';
import { el } from '../dom.js';
import { checkAnswer } from './check.js';
import { createQuestionView, showNumber } from './question-view.js';
import { lessonProgress } from './progress.js';

registerStrings('lessons', strings);

/**
 * Builds the sidebar of `lesson` (from parseLesson) in `host`. stage.show(step, {onSettings,
 * onStatus}) shows a step's panel; onClose() ends the lesson. Returns {element, destroy()}.
 */
export function createLessonSidebar(host, { lesson, engine, stage, onClose, storage }) {
  const progress = lessonProgress(lesson, storage);
  let { step: index, done } = progress.load();
  let settings = null;
  let status = null;
  let question = null;
  let feedback = { key: '', values: {}, kind: '' };
  let finished = false;

  const title = el('h2', { className: 'lesson-title', id: 'lesson-title' });
  const kicker = el('p', { className: 'lesson-kicker' });
  const close = el('button', { type: 'button', className: 'lesson-close' });
  const counter = el('p', { className: 'lesson-progress' });
  const answered = el('p', { className: 'lesson-answered' });
  const stepTitle = el('h3', { className: 'lesson-step-title', tabindex: '-1' });
  const prompt = el('p', { className: 'lesson-prompt' });
  const questionHost = el('div');
  const live = el('p', { className: 'lesson-feedback', role: 'status', 'aria-live': 'polite' });
  const announcer = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const back = el('button', { type: 'button', className: 'lesson-back' });
  const next = el('button', { type: 'button', className: 'lesson-next' });
  const nav = el('nav', { className: 'lesson-nav' }, [back, next]);
  const element = el('aside', { className: 'lesson', 'aria-labelledby': 'lesson-title' }, [
    el('div', { className: 'lesson-head' }, [el('div', {}, [kicker, title]), close]),
    counter, answered, stepTitle, prompt, questionHost, live,
    nav, announcer,
  ]);
  host.replaceChildren(element);

  const current = () => lesson.steps[index];
  const questionCount = lesson.steps.filter((step) => step.question).length;

  function say(key, values = {}, kind = '') {
    feedback = { key, values, kind };
    showFeedback();
  }

  function showFeedback() {
    live.textContent = feedback.key ? t(`lessons.${feedback.key}`, feedback.values) : '';
    live.className = `lesson-feedback${feedback.kind ? ` ${feedback.kind}` : ''}`;
  }

  function markDone() {
    done.add(index);
    progress.save({ step: index, done });
    showCounts();
  }

  function showCounts() {
    kicker.textContent = t('lessons.kicker');
    title.textContent = lesson.title[language()];
    nav.setAttribute('aria-label', t('lessons.steps'));
    close.textContent = t('lessons.close');
    counter.textContent = t('lessons.progress', { step: index + 1, steps: lesson.steps.length });
    answered.textContent = t('lessons.answered', { done: done.size, questions: questionCount });
    answered.hidden = questionCount === 0;
    back.textContent = t('lessons.back');
    next.textContent = index === lesson.steps.length - 1 ? t('lessons.finish') : t('lessons.next');
    back.disabled = index === 0;
  }

  function check(answer) {
    const step = current();
    if (!step.question) return;
    if (step.question.kind === 'choice' && answer === null) {
      say('pickOne');
      return;
    }
    const result = checkAnswer(engine, step.question, { settings, status, answer });
    if (result.conditions) question.showGoal(result.conditions);
    if (result.outcome === 'correct') {
      markDone();
      const key = { number: 'correctNumber', choice: 'correctChoice', state: 'correctState' }[step.question.kind];
      say(key, { value: showNumber(result.value) }, 'correct');
    } else if (result.outcome === 'unmet') {
      say('unmet', { met: result.conditions.filter(Boolean).length, total: result.conditions.length });
    } else if (result.outcome === 'failed') {
      say('failed', { message: result.message }, 'error');
    } else {
      say(result.outcome, {}, 'wrong');
    }
  }

  /** Re-checks a goal quietly after the panel changed; speaks only when it is newly reached. */
  function watchGoal() {
    const step = current();
    if (step.question?.kind !== 'state' || !question) return;
    const result = checkAnswer(engine, step.question, { settings, status });
    if (result.conditions) question.showGoal(result.conditions);
    if (result.outcome === 'correct' && !done.has(index)) check(null);
  }

  function reveal() {
    const result = checkAnswer(engine, current().question, { settings, status, answer: '' });
    if (result.outcome === 'failed') say('failed', { message: result.message }, 'error');
    else say('engineSays', { value: showNumber(result.value) });
  }

  function showText() {
    const step = current();
    showCounts();
    stepTitle.textContent = step.title[language()];
    prompt.textContent = step.prompt[language()];
    question = step.question ? createQuestionView(step.question, { onCheck: check, onReveal: reveal }) : null;
    questionHost.replaceChildren(...(question ? [question.element] : []));
    if (finished) say('finished', { done: done.size, questions: questionCount }, 'correct');
    else showFeedback();
    watchGoal();
  }

  function show(to, { focus = true } = {}) {
    index = to;
    finished = false;
    feedback = { key: '', values: {}, kind: '' };
    status = null;
    const step = current();
    settings = structuredClone(step.settings);
    progress.save({ step: index, done });
    stage.show(step, {
      onSettings(next) {
        settings = next;
        watchGoal();
      },
      onStatus(next) {
        status = next;
        watchGoal();
      },
    });
    showText();
    announcer.textContent = t('lessons.stepAnnounce', { step: index + 1, steps: lesson.steps.length, title: step.title[language()] });
    if (focus) stepTitle.focus();
  }

  back.addEventListener('click', () => { if (index > 0) show(index - 1); });
  next.addEventListener('click', () => {
    if (index < lesson.steps.length - 1) {
      show(index + 1);
    } else {
      finished = true;
      say('finished', { done: done.size, questions: questionCount }, 'correct');
    }
  });
  close.addEventListener('click', () => onClose());
  const stopLanguage = onLanguageChange(() => showText());
  show(index, { focus: false });

  return {
    element,
    destroy() {
      stopLanguage();
      element.remove();
    },
  };
}
