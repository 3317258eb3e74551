/**
 * A throwaway PostgreSQL cluster for tests and benches: initdb in a temporary folder, a server listening on a unix
 * socket in that folder only (no TCP port to collide with), stopped and deleted at the end. PostgreSQL refuses to run
 * as root, so under root the cluster belongs to the `postgres` user (Debian's package creates it).
 *
 * Without PostgreSQL the tests that need it skip with a visible message, except under CI=true, where it is an error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface ThrowawayPostgres {
  /** URL of a new, empty database of the cluster. */
  freshDatabase(): Promise<string>;
  /** CPU seconds the server's processes have used so far (Linux /proc), to add to a client's own in a bench. */
  cpuSeconds(): number;
  /** Stops the server and deletes its folder (idempotent). */
  stop(): void;
}

/** Clock ticks a second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** utime + stime + cutime + cstime of a process, and its parent, from /proc/<pid>/stat; null once it is gone. */
function procTimes(pid: number): { ticks: number; ppid: number } | null {
  try {
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/** CPU seconds of a postmaster and every process it runs (ended ones are in its cutime/cstime). */
function serverCpu(postmaster: number): number {
  let ticks = procTimes(postmaster)?.ticks ?? 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const t = procTimes(Number(name));
    if (t?.ppid === postmaster) ticks += t.ticks;
  }
  return ticks / TICKS;
}

/** Where initdb and pg_ctl are: $STORYLINE_PG_BIN, Debian's versioned folders (newest first), else PATH. */
function findBinDir(): string | null {
  const given = process.env.STORYLINE_PG_BIN;
  if (given) return existsSync(join(given, 'initdb')) ? given : null;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(debian, versions[0]!, 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? join(which.stdout.trim(), '..') : null;
}

/** The account the server runs as: this one, or `postgres` when this one is root. */
function serverAccount(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g'), name: 'postgres' };
  } catch {
    throw new Error('running as root and there is no postgres user to run a throwaway PostgreSQL as (useradd --system postgres)');
  }
}

/** Runs a PostgreSQL program as the server's account; its output is kept for the error message. */
function runAs(account: { name: string } | null, program: string, args: string[]): void {
  const [cmd, argv] = account ? ['runuser', ['-u', account.name, '--', program, ...args]] : [program, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

const MISSING = 'SKIPPED: PostgreSQL not found (no initdb in /usr/lib/postgresql/*/bin, $STORYLINE_PG_BIN or PATH); install postgresql to run the PostgreSQL store tests';

/**
 * Starts a throwaway cluster, or returns null (after a visible warning) when PostgreSQL is absent outside CI.
 * @example
 *   const cluster = await startThrowawayPostgres();
 *   if (cluster) { const url = await cluster.freshDatabase(); …; cluster.stop(); }
 */
export async function startThrowawayPostgres(options: { durable?: boolean } = {}): Promise<ThrowawayPostgres | null> {
  const bin = findBinDir();
  if (!bin) {
    if (process.env.CI === 'true') throw new Error(MISSING.replace('SKIPPED: ', '').replace(/; install.*/, '; CI needs it (.ci/run installs it)'));
    console.warn(MISSING);
    return null;
  }
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), 'storyline-pg-'));
  if (account) chownSync(dir, account.uid, account.gid);
  const data = join(dir, 'data');
  let running = false;
  const stop = () => {
    if (running) {
      running = false;
      spawnSync(...(account ? (['runuser', ['-u', account.name, '--', join(bin, 'pg_ctl'), 'stop', '-D', data, '-m', 'immediate']] as const) : ([join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate']] as const)), { stdio: 'ignore' });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test run that ends without calling stop (a crash, an early exit) must not leave a server behind.
  process.once('exit', stop);
  try {
    runAs(account, join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
    // Tests need no durability; the bench asks for it, to measure what a real server costs.
    const speed = options.durable ? [] : ['-c fsync=off', '-c full_page_writes=off'];
    runAs(account, join(bin, 'pg_ctl'), ['start', '-w', '-D', data, '-l', join(dir, 'server.log'), '-o', ["-c listen_addresses=''", `-k ${dir}`, ...speed].join(' ')]);
    running = true;
  } catch (err) {
    stop();
    throw err;
  }
  const urlOf = (db: string) => `postgres://postgres@/${db}?host=${encodeURIComponent(dir)}`;
  let n = 0;
  return {
    async freshDatabase() {
      const name = `storyline_${++n}`;
      const admin = new pg.Client({ connectionString: urlOf('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return urlOf(name);
    },
    cpuSeconds: () => serverCpu(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])),
    stop,
  };
}
