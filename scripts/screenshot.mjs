// npm run screenshot: rebuilds dist/ and saves docs/screenshot.png, the README's picture: the
// "ReLU at a high learning rate" story after its 1000 steps (dead units crossed out in the diagram).
import path from 'node:path';
import { build, root } from './build.mjs';
import { launchBrowser, serveDist } from '../tests/browser/harness.mjs';
import { openPlayground, runPreset, panel } from '../tests/browser/playground-helpers.mjs';

await build();
const browser = await launchBrowser();
const server = await serveDist();
try {
  const { page, errors } = await openPlayground(browser, server.url, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await runPreset(page, 'reluHigh');
  if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join('; ')}`);
  const file = path.join(root, 'docs', 'screenshot.png');
  await page.locator(`${panel} .pg-main`).screenshot({ path: file });
  console.log(`Saved ${path.relative(root, file)}`);
} finally {
  await browser.close();
  await server.close();
}
