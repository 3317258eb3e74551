/**
 * Per-item error lines for a terminal: the first few of each kind of error in one file are printed,
 * then one summary line for the rest, so that a file of 2,000 lines in the wrong schema gives five
 * lines to read instead of 2,000 (every error is still recorded in the store).
 */

/** How many lines of one error (same file, same code) are printed before the rest are summed up. */
export const REPEATS_SHOWN = 5;

/** One error line to print. */
export interface ErrorLine {
  source: string;
  /** Place in the source (`line 12`), or null for the whole input. */
  position: string | null;
  code: string;
  message: string;
}

/** Prints error lines, holding back repeats; `flush()` prints the summary lines of what it held back. */
export interface ErrorLinePrinter {
  report(e: ErrorLine): void;
  /** Prints one "… and N more" line per error that repeated past the limit, then forgets them. */
  flush(): void;
}

/** Formats a count with thousands separators, as a person reads it (`1,995`). */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A printer of error lines, each through `print` (one call per line, prefix included by the caller).
 * A summary comes when the source changes and on `flush()`, so it stands next to the lines it sums up.
 * @example
 *   const lines = createErrorLinePrinter((l) => console.error(`storyline ingest: ${l}`));
 *   lines.report({ source: 'a.jsonl', position: 'line 3', code: 'no-content', message: 'neither text nor html' });
 *   lines.flush();
 */
export function createErrorLinePrinter(print: (line: string) => void, shown = REPEATS_SHOWN): ErrorLinePrinter {
  let source: string | null = null;
  /** Per code in the current source: how many were seen, and one message for the summary. */
  let seen = new Map<string, number>();
  const flush = () => {
    for (const [code, n] of seen) {
      const held = n - shown;
      if (held > 0) print(`${source}: … and ${count(held)} more ${held === 1 ? 'line' : 'lines'} with the same error (${code})`);
    }
    seen = new Map();
    source = null;
  };
  return {
    report(e) {
      if (e.source !== source) {
        flush();
        source = e.source;
      }
      const n = (seen.get(e.code) ?? 0) + 1;
      seen.set(e.code, n);
      if (n <= shown) print(`${e.source}${e.position ? ` (${e.position})` : ''}: ${e.message}`);
    },
    flush,
  };
}
