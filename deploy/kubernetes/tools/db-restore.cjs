// Restores a backup made by db-backup.cjs into the collector's volume, run by the vigil image's
// own Node in a pod that mounts the volume while the collector is stopped (restore-pod.yaml):
//
//   kubectl -n vigil exec -i vigil-restore -- /nodejs/bin/node \
//     -e "$(cat deploy/kubernetes/tools/db-restore.cjs)" /var/lib/vigil/vigil.db < vigil-backup.db
//
// The backup is read from stdin into a file beside the database and checked (integrity, and a
// schema this collector can open) before anything is replaced. The old database is kept as
// vigil.db.before-restore-<time>; its -wal and -shm files are moved with it, because a stale
// WAL next to the restored file would be replayed into it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Database = require('better-sqlite3');

const target = process.argv[1];
if (!target || process.stdin.isTTY) {
  console.error('usage: node -e "$(cat db-restore.cjs)" /var/lib/vigil/vigil.db < backup.db');
  process.exit(2);
}
const dir = path.dirname(target);
const incoming = path.join(dir, `.vigil-restore-${process.pid}.db`);
const fail = (message) => {
  fs.rmSync(incoming, { force: true });
  console.error(`restore failed: ${message}`);
  process.exit(1);
};
const sink = fs.createWriteStream(incoming, { mode: 0o600 });
process.stdin.pipe(sink);
process.stdin.on('error', (err) => fail(err.message));
sink.on('error', (err) => fail(err.message));
sink.on('finish', () => {
  try {
    const fd = fs.openSync(incoming, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    const db = new Database(incoming, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    const version = db.pragma('user_version', { simple: true });
    const workloads = db.prepare('SELECT count(*) AS n FROM workloads').get().n;
    db.close();
    if (result !== 'ok') return fail(`the backup fails integrity_check: ${result}`);
    if (!(version >= 1)) return fail(`the backup has no collector schema (user_version ${version})`);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, `${target}.before-restore-${stamp}${suffix}`);
    }
    fs.renameSync(incoming, target);
    const dfd = fs.openSync(dir, 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
    console.error(`restored ${target}: schema version ${version}, ${workloads} workloads; the previous database is ${target}.before-restore-${stamp}`);
  } catch (err) {
    fail(err.message);
  }
});
