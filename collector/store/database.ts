// Opens the collector's SQLite database: WAL (readers never block the one writer), foreign keys,
// and the schema brought up to date by versioned migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { describeSqliteError, migrateSchema } from '../../agent/state/sqlite-schema.js';

export type Db = Database.Database;

export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

export function openDatabase(file: string): { db: Db; migratedFrom: number; version: number } {
  let db: Db;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledgement lets the agent delete its copy, so a committed batch must
    // survive a power loss, not only a process crash (WAL with NORMAL can lose the last commits).
    // Commits are batched (group commit at most once per 2 ms, up to 2,000 reports; heartbeats once a
    // second), so the fsync is paid per batch.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new DatabaseError(`cannot open the collector database ${file}: ${describeSqliteError(err)}`, { cause: err });
  }
  let migrated: { from: number; to: number };
  try {
    migrated = migrateSchema(db, MIGRATIONS, `the collector database ${file}`);
  } catch (err) {
    db.close();
    throw new DatabaseError((err as Error).message, { cause: err });
  }
  return { db, migratedFrom: migrated.from, version: migrated.to };
}
