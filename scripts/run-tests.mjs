// Runs the tests with Node's own test runner (TypeScript through tsx).
//   node --import tsx scripts/run-tests.mjs [FILTER]            every test/**/*.test.ts except the quality gates
//   node --import tsx scripts/run-tests.mjs --quality [FILTER]  only test/quality/ (floors on ../shared dev data)
//   add --concurrency=N to run N test files at once (default: Node's, one fewer than the cores: one file at a
//   time on 2 cores). Not the default: files with wall-clock limits (linear-time, /health latency, lock waits)
//   would then share the cores with another file.
// The gates recompute whole benchmarks, so they run as their own script (`npm run quality`) and CI runs both.
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...collect(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const quality = args.includes('--quality');
const filter = args.find((a) => !a.startsWith('--'));
const concurrency = args.find((a) => a.startsWith('--concurrency='))?.slice('--concurrency='.length);
if (concurrency !== undefined && !/^[1-9]\d*$/.test(concurrency)) {
  console.error(`--concurrency must be a positive whole number, not '${concurrency}'`);
  process.exit(2);
}
const gate = `test${sep}quality${sep}`;
const files = collect('test')
  .filter((f) => f.startsWith(gate) === quality)
  .filter((f) => !filter || f.includes(filter));
if (files.length === 0) {
  console.error(`no test file matches ${filter ?? '(none)'}${quality ? ' among the quality gates' : ''}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...(concurrency ? [`--test-concurrency=${concurrency}`] : []), ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
