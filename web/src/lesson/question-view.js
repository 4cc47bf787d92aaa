// The form of one lesson question: a number field, a radio group or a goal list, each with a
// Check button. Texts go in as text only; the sidebar decides what the answer means.
import { t, language } from '../i18n.js';
import { el } from '../dom.js';
import { uniqueId } from '../panels/shared/controls.js';
import { shortNumber } from '../panels/shared/format.js';

/** A number as the sidebar shows it (at most 4 significant digits). */
export const showNumber = (value) => (typeof value === 'number' ? shortNumber(value, 4) : String(value));

/** A measure's arguments as the panels label them: probabilities and Jacobian rows count from 1. */
function oneBased(reference) {
  const shown = { ...reference };
  for (const key of ['index', 'row', 'column']) if (Number.isInteger(shown[key])) shown[key] += 1;
  return shown;
}

/** What condition `c` of a state question asks, in words. */
export function describeCondition(c) {
  let what;
  if (c.readout !== undefined) what = t(`lessons.readout.${c.readout}`);
  else if (c.setting !== undefined) what = t('lessons.setting', { name: c.setting });
  else what = t(`lessons.measure.${c.measure.name}`, oneBased(c.measure));
  if (c.equals !== undefined) return t('lessons.equals', { what, value: Array.isArray(c.equals) ? c.equals.join(', ') : String(c.equals) });
  if (c.atLeast !== undefined && c.atMost !== undefined) return t('lessons.between', { what, low: showNumber(c.atLeast), high: showNumber(c.atMost) });
  return c.atLeast !== undefined ? t('lessons.atLeast', { what, value: showNumber(c.atLeast) }) : t('lessons.atMost', { what, value: showNumber(c.atMost) });
}

function checkButton() {
  return el('button', { type: 'submit', className: 'lesson-check', text: t('lessons.check') });
}

/**
 * The form of `question`. onCheck(answer) runs on submit (typed text, a choice value or null,
 * nothing for a goal); onReveal() asks for the engine's answer (number questions).
 * Returns {element, showGoal(conditions: [bool])}.
 */
export function createQuestionView(question, { onCheck, onReveal }) {
  const form = el('form', { className: `lesson-question lesson-${question.kind}`, novalidate: true });
  let read = () => null;
  let items = [];
  if (question.kind === 'number') {
    const id = uniqueId('lesson-answer');
    const input = el('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', className: 'lesson-answer', spellcheck: 'false' });
    const reveal = el('button', { type: 'button', className: 'lesson-reveal', text: t('lessons.showAnswer') });
    reveal.addEventListener('click', onReveal);
    form.append(el('label', { for: id, text: t('lessons.yourAnswer') }), el('div', { className: 'lesson-answer-row' }, [input, checkButton()]), reveal);
    read = () => input.value;
  } else if (question.kind === 'choice') {
    const name = uniqueId('lesson-choice');
    const options = question.choices.map((choice) => {
      const id = uniqueId('lesson-option');
      const radio = el('input', { type: 'radio', id, name, value: String(choice.value) });
      return { choice, radio, row: el('div', { className: 'lesson-option' }, [radio, el('label', { for: id, text: choice.label[language()] })]) };
    });
    form.append(el('fieldset', {}, [el('legend', { text: t('lessons.chooseOne') }), ...options.map((o) => o.row)]), checkButton());
    read = () => options.find((o) => o.radio.checked)?.choice.value ?? null;
  } else {
    items = question.conditions.map((condition) => {
      const mark = el('span', { className: 'lesson-goal-mark', text: t('lessons.goalOpen') });
      return { mark, row: el('li', {}, [el('span', { text: describeCondition(condition) }), ' ', mark]) };
    });
    form.append(el('p', { className: 'lesson-goal-title', text: t('lessons.goal') }), el('ul', { className: 'lesson-goal' }, items.map((i) => i.row)), checkButton());
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onCheck(read());
  });
  return {
    element: form,
    showGoal(conditions) {
      items.forEach((item, i) => {
        item.mark.textContent = conditions[i] ? t('lessons.goalMet') : t('lessons.goalOpen');
        item.row.classList.toggle('met', Boolean(conditions[i]));
      });
    },
  };
}
