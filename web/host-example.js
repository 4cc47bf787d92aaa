// The example host page of docs/EMBEDDING.md: sizes the frame from its 'height' messages, logs
// every message the app posts, and sends the protocol's commands from the buttons.
const frame = document.getElementById('lab-frame');
const log = document.getElementById('message-log');

const commands = {
  play: { command: 'play' },
  pause: { command: 'pause' },
  step: { command: 'step', steps: 10 },
  reset: { command: 'reset' },
  set: { command: 'set', settings: { learningRate: 3 } },
  select: { command: 'select', panel: 'softmax' },
};

/** Adds one line to the log: the message as JSON, without the settings object (too long to read). */
function record(data) {
  const item = document.createElement('li');
  item.dataset.type = data.type === 'event' ? `event:${data.name}` : data.type;
  const shown = { ...data, settings: data.settings ? '{…}' : undefined };
  item.textContent = JSON.stringify(shown);
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (event.source !== frame.contentWindow || !data || data.protocol !== 'activation-lab') return;
  record(data);
  if (data.type === 'height' && data.height > 0) frame.style.height = `${Math.min(data.height, 30000)}px`;
});

for (const button of document.querySelectorAll('[data-command]')) {
  button.addEventListener('click', () => {
    frame.contentWindow.postMessage({ protocol: 'activation-lab', version: 1, ...commands[button.dataset.command] }, '*');
  });
}
