/**
 * One PostgreSQL connection used by one store, one operation at a time: like the SQLite store's single connection,
 * a read issued while a write runs waits for it, and a transaction never interleaves with another operation.
 * A unit of work holds the connection for its whole length: operations called from inside it (recognised by their
 * async context) run at once, their own transactions as savepoints; everyone else's wait until it ends.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { redactUrl } from './url.js';

/** Runs one SQL statement on the session's connection (inside the current operation). */
export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

export interface Session {
  /** Runs `work` alone on the connection (no transaction of its own: each statement commits by itself). */
  exclusive<T>(work: (q: Query) => Promise<T>): Promise<T>;
  /** Runs `work` alone on the connection inside one transaction (a savepoint inside a unit): all of it or none of it. */
  transaction<T>(work: (q: Query) => Promise<T>): Promise<T>;
  /** Runs `work` as one unit of work: one transaction around every operation it calls. Units do not nest. */
  unit<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** int8 (counts, sequence numbers) as numbers: they stay far below 2^53, and the store's interface speaks numbers. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

/** Connects; the error names the database (password hidden) and keeps the driver's code. */
export async function connectSession(url: string, applicationName: string): Promise<Session> {
  const client = new pg.Client({ connectionString: url, types, application_name: applicationName });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    const named = new Error(`cannot open the database ${redactUrl(url)}: ${(err as Error).message}`);
    (named as NodeJS.ErrnoException).code = (err as NodeJS.ErrnoException).code;
    throw named;
  }
  // A dropped connection is reported by the next operation; without a listener it would crash the process.
  client.on('error', () => undefined);
  let queue: Promise<unknown> = Promise.resolve();
  // Statements with parameters are prepared once per connection under a name of their own: PostgreSQL then parses
  // and plans each of the store's statements once, not at every article (a third of the server's time per article).
  const names = new Map<string, string>();
  const query: Query = async (sql, params) => {
    if (!params?.length) return (await client.query(sql)).rows;
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `storyline_${names.size + 1}`));
    return (await client.query({ name, text: sql, values: params })).rows;
  };
  const inUnit = new AsyncLocalStorage<true>();
  const exclusive = <T>(work: (q: Query) => Promise<T>): Promise<T> => {
    if (inUnit.getStore()) return work(query);
    const run = queue.then(() => work(query));
    queue = run.catch(() => undefined);
    return run;
  };
  /** `work` between `begin` and `end`, undone by `undo` when it throws. */
  const bracket = async <T>(q: Query, [begin, end, undo]: readonly string[], work: () => Promise<T>): Promise<T> => {
    await q(begin!);
    try {
      const result = await work();
      await q(end!);
      return result;
    } catch (err) {
      await q(undo!).catch(() => undefined);
      throw err;
    }
  };
  const TRANSACTION = ['BEGIN', 'COMMIT', 'ROLLBACK'] as const;
  // Inside a unit a failed write undoes itself only, as an SQLite savepoint does.
  const SAVEPOINT = ['SAVEPOINT unit_write', 'RELEASE SAVEPOINT unit_write', 'ROLLBACK TO SAVEPOINT unit_write; RELEASE SAVEPOINT unit_write'] as const;
  return {
    exclusive,
    transaction: (work) => exclusive((q) => bracket(q, inUnit.getStore() ? SAVEPOINT : TRANSACTION, () => work(q))),
    unit(work) {
      if (inUnit.getStore()) return Promise.reject(new Error('store: units of work do not nest (use the tx you were given)'));
      return exclusive((q) => bracket(q, TRANSACTION, () => inUnit.run(true, work)));
    },
    async close() {
      await queue;
      await client.end();
    },
  };
}
