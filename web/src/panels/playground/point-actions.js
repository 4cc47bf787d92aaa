// What the custom-points tools do to the settings: pick the class, add a point, clear, import a
// CSV / JSON file, export the points. The points live in the settings (customX, customLabels).
import { t } from '../../i18n.js';
import { download } from './files.js';
import { pointsFromSettings, pointsToSettings, addPoint, parsePoints, toCsv, toJson } from '../../training/points.js';

/** deps: {current() -> settings, update(patch), message(text) (the tools' status line)}. */
export function createPointActions({ current, update, message }) {
  const points = () => pointsFromSettings(current());
  return {
    setClass: (k) => update({ pointClass: k }),
    addPoint(x, y) {
      message('');
      update(pointsToSettings(addPoint(points(), x, y, current().pointClass)));
    },
    clear() {
      message('');
      update({ customX: [], customLabels: [] });
    },
    importText(text) {
      try {
        const parsed = parsePoints(text);
        update(pointsToSettings(parsed.points));
        message(t('playground.pointsImported', { count: parsed.points.label.length, skipped: parsed.skipped }));
      } catch (error) {
        message(t('playground.pointsImportFailed', { message: error.message }));
      }
    },
    exportCsv: () => download('activation-lab-points.csv', toCsv(points()), 'text/csv'),
    exportJson: () => download('activation-lab-points.json', toJson(points())),
  };
}
