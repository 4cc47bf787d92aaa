// Files in and out of the training panel: a download of generated text and a labelled file
// picker that hands the chosen file's text to a callback.
import { el } from '../../dom.js';
import { uniqueId } from '../shared/controls.js';

/** Saves `text` as a download named `filename`. */
export function download(filename, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A visible label plus file input (keyboard-operable); onText(text, file) after a file is chosen. */
export function filePicker({ label, name, accept, onText }) {
  const id = uniqueId('file');
  const input = el('input', { type: 'file', id, name, accept, className: 'pg-file-input' });
  input.addEventListener('change', async () => {
    const [file] = input.files;
    if (!file) return;
    const text = await file.text();
    input.value = '';
    onText(text, file);
  });
  return el('div', { className: 'pg-file' }, [el('label', { for: id, className: 'pg-file-label', text: label }), input]);
}
