#!/usr/bin/env node
// Regenerates the static protobuf code in proto/gen/ from the .proto sources, or with --check
// fails when the committed code differs from a fresh generation (CI runs the check).
//
// Options chosen deliberately:
// --keep-case     field names stay as on the wire (output_fields, not outputFields), so the
//                 code reads like Falco's documentation.
// --force-number  64-bit integers decode to JavaScript numbers. Every int64 we use holds values
//                 below 2^53 (sequence numbers, pids, Timestamp seconds); nanosecond times travel
//                 as google.protobuf.Timestamp, never as one int64.
// -r NAME         each module gets its own protobuf root, so the two modules' copies of
//                 google.protobuf.Timestamp do not collide.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const protoDir = dirname(fileURLToPath(import.meta.url));
const bin = join(protoDir, '..', 'node_modules', '.bin');
const modules = [
  { name: 'falco', files: ['falco/outputs.proto', 'falco/version.proto'] },
  { name: 'vigil', files: ['vigil/v1/agent.proto'] },
];
const check = process.argv.includes('--check');

// protobufjs/minimal is CommonJS: under Node's ESM loader a namespace import of it has no
// `roots`, so the generated code must take the default export. --force-number only shapes the
// typings: at run time protobufjs decodes 64-bit integers to Long objects whenever the `long`
// package is installed, so the generated module switches Long off before anything decodes.
// Its `import Long = require` form in the typings does not belong in an ES module either.
function esmInterop(text) {
  return text
    .replace(
      'import * as $protobuf from "protobufjs/minimal.js";',
      'import $protobuf from "protobufjs/minimal.js";\n\n' +
        '// 64-bit integers decode to numbers (see proto/generate.mjs).\n' +
        '$protobuf.util.Long = undefined;\n$protobuf.configure();',
    )
    .replace('import Long = require("long");\n', '');
}
const work = mkdtempSync(join(tmpdir(), 'vigil-proto-'));
let stale = 0;
try {
  for (const mod of modules) {
    const js = join(work, `${mod.name}.js`);
    const dts = join(work, `${mod.name}.d.ts`);
    execFileSync(join(bin, 'pbjs'), [
      '-t', 'static-module', '-w', 'es6', '--es6', '--keep-case', '--force-number',
      '--no-delimited', '--no-typeurl', '--dependency', 'protobufjs/minimal.js',
      '-r', `vigil_${mod.name}`, '-p', protoDir, '-o', js, ...mod.files.map((f) => join(protoDir, f)),
    ], { cwd: protoDir, stdio: ['ignore', 'inherit', 'inherit'] });
    execFileSync(join(bin, 'pbts'), ['-o', dts, js], { stdio: ['ignore', 'inherit', 'inherit'] });
    for (const [fresh, name] of [[js, `${mod.name}.js`], [dts, `${mod.name}.d.ts`]]) {
      const target = join(protoDir, 'gen', name);
      const want = esmInterop(readFileSync(fresh, 'utf8'));
      if (check) {
        let have = '';
        try {
          have = readFileSync(target, 'utf8');
        } catch (err) {
          console.error(`proto: ${target} is missing (${err.code})`);
        }
        if (have !== want) {
          console.error(`proto: proto/gen/${name} differs from a regeneration; run npm run proto:gen`);
          stale++;
        }
      } else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, want);
        console.log(`proto: wrote proto/gen/${name}`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (check) {
  if (stale) process.exit(1);
  console.log('proto: generated code is up to date');
}
