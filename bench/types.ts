/** One section of BENCHMARKS.md, produced by one bench module (`bench/<area>.ts`). */
export interface BenchSection {
  title: string;
  /** Markdown body: tables of figures, side by side with the baseline, and notes. */
  markdown: string;
}

export interface BenchContext {
  /** Absolute path of ../shared. */
  shared: string;
  /** Smaller runs (set by `npm run bench -- --quick`). */
  quick: boolean;
  /** Also measure the PostgreSQL store where a bench supports it, on a throwaway cluster (`--postgres`). */
  postgres: boolean;
}
