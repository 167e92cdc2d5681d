// The package root and version, found by walking up from this file, which sits at a different
// depth in the source tree and in dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackage(): { root: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'vigil') return { root: dir, version: pkg.version ?? '0.0.0-unknown' };
    }
    dir = dirname(dir);
  }
  throw new Error(`cannot find the vigil package.json above ${fileURLToPath(import.meta.url)}`);
}

const found = findPackage();
/** The folder holding package.json (the checkout, or the installed package). */
export const PACKAGE_ROOT = found.root;
export const VIGIL_VERSION = found.version;
