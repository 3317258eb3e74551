/** Durations as people write them on a command line (`90s`, `15m`, `2h`, `1d`) and as they are shown. */

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Seconds of a duration written as a number and a unit (s, m, h, d; a bare number is seconds), or
 * null when it is none.
 * @example parseDuration('15m') // → 900
 */
export function parseDuration(raw: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(raw);
  if (!m) return null;
  const seconds = Number(m[1]) * UNIT_SECONDS[(m[2] || 's').toLowerCase()]!;
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : null;
}

/**
 * A number of seconds in the largest unit that keeps it short (`15m`, `2h30m`, `3d`).
 * @example formatDuration(9000) // → '2h30m'
 */
export function formatDuration(seconds: number): string {
  let left = Math.max(0, Math.round(seconds));
  if (left === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(left / size);
    if (n > 0) parts.push(`${n}${unit}`);
    left -= n * size;
    // Two units are precise enough to read a schedule by.
    if (parts.length === 2) break;
  }
  return parts.join('');
}
