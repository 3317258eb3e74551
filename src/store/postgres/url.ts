/** PostgreSQL connection URLs as the CLI and messages see them; no driver needed (loaded only to connect). */

/** Whether a `--db` value names a PostgreSQL database rather than an SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** A connection URL with its password replaced, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
