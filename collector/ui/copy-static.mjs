// Build step: the UI's non-TypeScript files (the page and its styles) next to the compiled
// modules in dist/collector/ui/web, the folder the collector serves.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const from = join(here, 'web');
const to = join(here, '..', '..', 'dist', 'collector', 'ui', 'web');
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from)) {
  if (['.html', '.css', '.svg'].includes(extname(name))) copyFileSync(join(from, name), join(to, name));
}
