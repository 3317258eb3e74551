/**
 * The outlet an article's URL names when nothing else does: a table of well-known news hosts
 * (`hosts.ts`, extendable by a JSON file named by STORYLINE_OUTLET_HOSTS), else the host's
 * registrable domain ("example-news.com"), so that articles of one site count as one source.
 */
import { readFileSync } from 'node:fs';
import { NEWS_HOSTS, SHARED_HOSTS } from './hosts.js';

/** Environment variable naming a JSON file of extra hosts: `{ "riverside-gazette.example": "Riverside Gazette" }`. */
export const OUTLET_HOSTS_ENV = 'STORYLINE_OUTLET_HOSTS';

// Second-level labels under which a country's sites register ("bbc.co.uk", "smh.com.au"): the
// registrable domain there has three labels (reason: "co.uk" names no outlet).
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'gob', 'nic']);

/** Lower-cased host of a URL without "www." and a trailing dot, or null when it is no http(s) URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const host = u.hostname.toLowerCase().replace(/\.$/u, '').replace(/^www\d?\./u, '');
    // An IP address or a bare machine name names no outlet.
    return host.includes('.') && !/^[\d.]+$/u.test(host) && !host.startsWith('[') ? host : null;
  } catch {
    return null;
  }
}

/**
 * The registrable domain of a host: "edition.cnn.com" → "cnn.com", "news.bbc.co.uk" → "bbc.co.uk";
 * on a shared host the site's own subdomain: "harbourwatch.blogspot.com".
 */
export function registrableDomain(host: string): string {
  const labels = host.split('.');
  const n = labels.length >= 3 && labels[labels.length - 1]!.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  const domain = labels.slice(-n).join('.');
  const shared = SHARED_HOSTS.has(domain) ? domain : SHARED_HOSTS.has(labels.slice(-n - 1).join('.')) ? labels.slice(-n - 1).join('.') : null;
  return shared ? labels.slice(-Math.min(labels.length, shared.split('.').length + 1)).join('.') : domain;
}

/**
 * Reads a user's host table: a JSON object of host → outlet name. A malformed file is a clear
 * error naming the file, never a silent fallback (reason: the user asked for these names).
 */
export function readOutletHosts(path: string): Record<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${OUTLET_HOSTS_ENV}: cannot read ${path}: ${(err as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${OUTLET_HOSTS_ENV}: ${path} must hold a JSON object of host → outlet name`);
  const out: Record<string, string> = {};
  for (const [host, name] of Object.entries(data as Record<string, unknown>)) {
    if (typeof name !== 'string' || !name.trim()) throw new Error(`${OUTLET_HOSTS_ENV}: ${path}: the outlet of '${host}' must be a non-empty string`);
    out[host.trim().toLowerCase().replace(/^www\d?\./u, '')] = name.trim();
  }
  return out;
}

let defaultTable: { path: string | undefined; table: Readonly<Record<string, string>> } | null = null;

/** The built-in table, with the user's file (STORYLINE_OUTLET_HOSTS) on top; read once per path. */
export function outletHosts(): Readonly<Record<string, string>> {
  const path = process.env[OUTLET_HOSTS_ENV]?.trim() || undefined;
  if (!defaultTable || defaultTable.path !== path) defaultTable = { path, table: path ? { ...NEWS_HOSTS, ...readOutletHosts(path) } : NEWS_HOSTS };
  return defaultTable.table;
}

/**
 * The outlet a URL names: the most specific table entry for its host or a parent domain
 * ("edition.cnn.com" → CNN, "sports.espn.go.com" → ESPN), else its registrable domain; null
 * without an http(s) URL.
 * @example outletFromUrl('https://www.latimes.com/world/story.html') // → 'Los Angeles Times'
 * @example outletFromUrl('https://news.example-news.com/a/1') // → 'example-news.com'
 */
export function outletFromUrl(url: string | null | undefined, hosts: Readonly<Record<string, string>> = outletHosts()): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const domain = registrableDomain(host);
  for (let h = host; h.length >= domain.length; h = h.slice(h.indexOf('.') + 1)) {
    const name = hosts[h];
    if (name) return name;
    if (!h.includes('.')) break;
  }
  return domain;
}
