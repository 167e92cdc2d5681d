// Online backup of the collector's SQLite database, run by the collector image's own Node inside
// the running collector container (the image has no shell and no sqlite3):
//
//   kubectl -n vigil exec -i deploy/vigil-collector -- /nodejs/bin/node \
//     -e "$(cat deploy/kubernetes/tools/db-backup.cjs)" /var/lib/vigil/vigil.db > vigil-backup.db
//
// VACUUM INTO writes a consistent, compacted copy from one read transaction: in WAL mode the
// collector keeps writing meanwhile, and, unlike a page-by-page online backup, the copy never
// restarts because the source changed. Copying vigil.db alone while the collector runs is NOT a
// backup: committed data may still be in vigil.db-wal.
//
// The copy is made next to the database (it needs that much free space on the volume), checked,
// written to stdout, and removed. Progress goes to stderr.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Database = require('better-sqlite3');

const source = process.argv[1];
if (!source || process.stdout.isTTY) {
  console.error('usage: node -e "$(cat db-backup.cjs)" /var/lib/vigil/vigil.db > backup.db   (stdout must be a file or pipe)');
  process.exit(2);
}
const copy = path.join(path.dirname(source), `.vigil-backup-${process.pid}-${Date.now()}.db`);
try {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true });
  db.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
  db.close();
  const check = new Database(copy, { readonly: true });
  const result = check.pragma('integrity_check', { simple: true });
  const workloads = check.prepare('SELECT count(*) AS n FROM workloads').get().n;
  check.close();
  if (result !== 'ok') throw new Error(`the copy fails integrity_check: ${result}`);
  const size = fs.statSync(copy).size;
  const out = fs.createReadStream(copy);
  const failed = (err) => {
    console.error(`backup failed: ${err.message}`);
    fs.rmSync(copy, { force: true });
    process.exit(1);
  };
  out.on('error', failed);
  process.stdout.on('error', failed);
  // stdout is never ended by a pipe; the empty write's callback runs once everything is flushed.
  out.pipe(process.stdout, { end: false });
  out.on('end', () =>
    process.stdout.write('', () => {
      fs.rmSync(copy, { force: true });
      console.error(`backup of ${source}: ${size} bytes, schema version ${version}, ${workloads} workloads, integrity ok`);
    }),
  );
} catch (err) {
  fs.rmSync(copy, { force: true });
  console.error(`backup failed: ${err.message}`);
  process.exit(1);
}
