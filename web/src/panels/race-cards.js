// The race's summary cards: per racer its step count (or "no start" when it cannot output the
// start value), the step shown now with its output, and how the race ended.
import { t } from '../i18n.js';
import { el } from '../dom.js';
import { seriesStyle } from '../charts.js';
import { activationLabel } from './shared/controls.js';
import { fixed } from './shared/format.js';
import { markers } from './shared/colour.js';
import { counted } from './race-table.js';

/** True when the racer really starts at the start output (the binary step cannot output 0.9, for one). */
export const startsAtStart = (race, start) => Math.abs(race.output[0] - start) <= 1e-9;

/** Cards for results [{name, race} | {name, error}]; render(shownOf) shows the step shownOf(race) of each. */
export function createRaceCards(results, start) {
  const cards = results.map(({ name, race }, i) => {
    const card = {
      progress: el('span', { className: 'race-progress' }),
      current: el('span', { className: 'race-current' }),
      status: el('p', { className: 'race-status' }),
    };
    const colour = seriesStyle(i).borderColor;
    card.element = el('li', { className: 'race-card', 'data-racer': name, style: `border-color: ${colour}` }, [
      el('h3', {}, [
        el('span', { className: `race-marker race-marker-${markers[i % markers.length]}`, 'aria-hidden': 'true', style: `background: ${colour}` }),
        activationLabel(name),
      ]),
      race ? el('p', { className: 'race-total' }, startsAtStart(race, start)
        ? [el('strong', { className: 'race-steps', text: String(race.steps) }), ` ${counted('race.totalSteps', race.steps)}`]
        : [el('strong', { className: 'race-steps race-no-start', text: '—' }), ` ${t('race.noStartShort')}`]) : null,
      el('p', {}, [card.progress, ' · ', card.current]),
      card.status,
    ]);
    return card;
  });

  return {
    element: el('ul', { className: 'race-cards' }, cards.map((c) => c.element)),
    render(shownOf) {
      results.forEach(({ name, race, error }, i) => {
        const card = cards[i];
        if (error) {
          card.status.textContent = t('race.error', { message: error });
          return;
        }
        const shown = shownOf(race);
        card.progress.textContent = t('race.progress', { shown, steps: race.steps });
        card.current.textContent = t('race.current', { value: fixed(race.output[shown], 6) });
        card.status.textContent = !startsAtStart(race, start)
          ? t('race.noStart', { name: activationLabel(name), start: fixed(start, 2), value: fixed(race.output[0], 6) })
          : (shown >= race.steps ? counted(`race.${race.stop}`, race.steps, { steps: race.steps }) : '');
      });
    },
  };
}
