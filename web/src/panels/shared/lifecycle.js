// A panel's life: built now, rebuilt on every language change, destroyed on request.
import { onLanguageChange } from '../../i18n.js';

/**
 * Builds a panel now and again on every language change. Returns the panel's handle: destroy()
 * stops listening, runs cleanup() (charts, timers) and empties root.
 */
export function rebuildOnLanguageChange(root, build, cleanup) {
  build();
  const stopListening = onLanguageChange(() => build());
  return {
    destroy() {
      stopListening();
      cleanup();
      root.replaceChildren();
    },
  };
}
