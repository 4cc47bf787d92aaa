// Installs what the build and the tests need and is missing: Debian's emscripten and chromium
// (as root, with apt-get) and the npm packages (npm ci). Otherwise prints the exact command.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function has(command) {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
}

function run(command) {
  console.log(`$ ${command}`);
  execSync(command, { stdio: 'inherit', cwd: root, shell: '/bin/bash' });
}

/** Debian packages each layer needs, keyed by the command that proves they are installed. */
const needs = {
  native: { cmake: 'cmake', 'g++': 'g++', [`/usr/src/googletest`]: 'googletest libgtest-dev' },
  wasm: { 'em++': 'emscripten' },
  browser: { '/usr/bin/chromium': 'chromium' },
};

/** Makes sure the tools of the given layers exist; exits with the command to run if it cannot. */
export function ensureTools(layers) {
  const missing = new Set();
  for (const layer of layers) {
    for (const [probe, packages] of Object.entries(needs[layer])) {
      const present = probe.startsWith('/') ? existsSync(probe) : has(probe);
      if (!present) packages.split(' ').forEach((p) => missing.add(p));
    }
  }
  if (missing.size > 0) {
    const list = [...missing].join(' ');
    if (process.getuid?.() === 0) {
      run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${list}`);
    } else {
      console.error(`Missing Debian packages. Run:\n  sudo apt-get update && sudo apt-get install -y ${list}`);
      process.exit(1);
    }
  }
  if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) run('npm ci --no-audit --no-fund');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureTools(['native', 'wasm', 'browser']);
