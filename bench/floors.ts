/**
 * Pinned quality floors: `bench/floors/<area>.json` holds `{ "<figure>": number }` for the figures
 * reached so far on the shared dev data. The gate test recomputes each figure and fails when it
 * falls below its floor. Raise a floor when a change beats it; never lower it quietly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FLOORS_DIR = join(import.meta.dirname, 'floors');

export function readFloors(area: string): Record<string, number> {
  return JSON.parse(readFileSync(join(FLOORS_DIR, `${area}.json`), 'utf8')) as Record<string, number>;
}

export function floorAreas(): string[] {
  return readdirSync(FLOORS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}
