// "Save and load": the trained network (architecture, weights and all settings) to a JSON file
// and back. Made once; show() updates the button and the result message in place.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button } from '../shared/controls.js';
import { filePicker } from './files.js';

/** actions: {save(), load(text)}. Returns {element, show({ready, message: {key, values, kind}})}. */
export function createNetworkFile(actions) {
  const saveButton = button({ label: t('playground.saveNetwork'), name: 'saveNetwork', onClick: actions.save });
  const message = el('p', { role: 'status' });
  const element = el('fieldset', { className: 'pg-fieldset' }, [
    el('legend', { text: t('playground.saveLegend') }),
    el('p', { className: 'note', text: t('playground.saveHelp') }),
    el('div', { className: 'pg-buttons' }, [saveButton]),
    filePicker({ label: t('playground.loadNetwork'), name: 'loadNetwork', accept: '.json,application/json', onText: actions.load }),
    message,
  ]);
  return {
    element,
    show({ ready, message: result }) {
      saveButton.disabled = !ready;
      message.hidden = !result.key;
      message.className = `pg-file-message note ${result.kind === 'error' ? 'error' : ''}`;
      if (!result.key) return;
      message.dataset.result = result.key;
      const text = t(`playground.file.${result.key}`, result.values);
      if (message.textContent !== text) message.textContent = text;
    },
  };
}
