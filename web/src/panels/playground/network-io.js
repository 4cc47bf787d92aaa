// What "Save and load" does: the trained network with its settings to a JSON file, and a file
// back into the panel (its settings applied paused, its weights checked against its probe).
import { schema, trainerSpec, architecture } from './settings.js';
import { serializeNetwork, parseNetwork } from '../../training/save-load.js';
import { download } from './files.js';

/**
 * deps: {session, settings() -> current settings, dispatch(action), loaded() (after a file's
 * settings were applied), failed() (after a file applied but its weights were not), report(message)}.
 * Returns {save(), load(text)}; report gets {key, values, kind} for the network file's message.
 */
export function createNetworkIo({ session, settings, dispatch, loaded, failed, report }) {
  return {
    async save() {
      try {
        const exported = await session.exportNetwork();
        const current = settings();
        download('activation-lab-network.json', serializeNetwork({ settings: current, architecture: architecture(current), exported }));
        report({ key: 'saved', values: { step: exported.step }, kind: 'ok' });
      } catch (error) {
        report({ key: 'saveFailed', values: { message: error.message }, kind: 'error' });
      }
    },
    async load(text) {
      let applied = false;
      try {
        const file = parseNetwork(text, schema);
        dispatch({ type: 'load', settings: file.settings });
        applied = true;
        loaded();
        const { matches } = await session.importNetwork({ spec: trainerSpec(settings()), parameters: file.parameters, probe: file.probe });
        report({ key: matches ? 'loaded' : 'loadedDiffers', values: { step: file.step }, kind: matches ? 'ok' : 'error' });
      } catch (error) {
        report({ key: 'loadFailed', values: { message: error.message }, kind: 'error' });
        if (applied) failed();
      }
    },
  };
}
