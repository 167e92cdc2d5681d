// Versioned schema migrations for the project's SQLite files (the agent's state, the
// collector's database): steps applied in order, each in its own transaction, tracked by
// PRAGMA user_version. Never edit a released step; add a new one.
import type Database from 'better-sqlite3';

export class SchemaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaError';
  }
}

/** Brings `db` up to `steps.length`; `what` names the file in messages ("agent state /x.db"). */
export function migrateSchema(db: Database.Database, steps: readonly string[], what: string): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true });
  if (typeof from !== 'number') throw new SchemaError(`${what}: unreadable user_version ${String(from)}`);
  if (from > steps.length) {
    throw new SchemaError(`${what} has schema version ${from}, newer than this vigil (${steps.length}); upgrade vigil`);
  }
  for (let v = from; v < steps.length; v++) {
    const step = steps[v] ?? '';
    try {
      db.transaction(() => {
        db.exec(step);
        db.pragma(`user_version = ${v + 1}`);
      })();
    } catch (err) {
      throw new SchemaError(`migrating ${what} to schema version ${v + 1} failed: ${describeSqliteError(err)}`, { cause: err });
    }
  }
  return { from, to: steps.length };
}

/** "SQLITE_FULL: database or disk is full" from better-sqlite3's and Node's errors. */
export function describeSqliteError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}
