/**
 * robots.txt (RFC 9309) for the pages the watcher fetches beyond feeds (full text of teaser items):
 * the group for our product token, else `*`; the longest matching rule wins, Allow on a tie; `*`
 * and `$` in paths. A missing robots.txt (4xx) allows everything; one that cannot be read (5xx, a
 * time-out) disallows everything until it can, as the RFC asks. Feeds themselves are fetched as the
 * user subscribed to them.
 */
import type { Fetcher } from '../ingest/index.js';
import type { Clock } from './clock.js';

/** The token robots.txt groups name us by. */
export const ROBOTS_AGENT = 'storyline';

interface Rule {
  allow: boolean;
  pattern: string;
}

/** A rule's path pattern as a regular expression (`*` any run; `$` at the end: the end of the path). */
function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** The rules of robots.txt that apply to `agent`: its own group(s), else the `*` group(s). */
export function parseRobots(text: string, agent = ROBOTS_AGENT): Rule[] {
  const groups: { agents: string[]; rules: Rule[] }[] = [];
  let current: { agents: string[]; rules: Rule[] } | null = null;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share one group.
      if (!current || current.rules.length > 0) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
    } else if ((key === 'allow' || key === 'disallow') && current) {
      // An empty Disallow allows everything: no rule.
      if (value) current.rules.push({ allow: key === 'allow', pattern: value });
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && agent.toLowerCase().includes(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  return chosen.flatMap((g) => g.rules);
}

/** Whether `rules` let us fetch `path` (with its query). */
export function robotsAllow(rules: readonly Rule[], path: string): boolean {
  let best: Rule | null = null;
  for (const r of rules) {
    if (!patternRegex(r.pattern).test(path)) continue;
    if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
  }
  return best?.allow ?? true;
}

export interface RobotsGate {
  /** Whether robots.txt of the URL's site lets us fetch it (read once per site per day). */
  allows(url: string, stop?: AbortSignal): Promise<boolean>;
}

/** A day: how long a site's robots.txt is kept (RFC 9309 asks for no more than 24 hours). */
const ROBOTS_TTL_MS = 86_400_000;

export function createRobotsGate(fetcher: Fetcher, clock: Clock): RobotsGate {
  const sites = new Map<string, { at: number; rules: Promise<Rule[] | 'none'> }>();
  const read = async (origin: string, stop?: AbortSignal): Promise<Rule[] | 'none'> => {
    const r = await fetcher.fetch(`${origin}/robots.txt`, {}, stop);
    if (r.ok && 'body' in r) return parseRobots(Buffer.from(r.body).toString('utf8'));
    // No robots.txt: nothing is disallowed. Unreachable: everything is, for now.
    if (!r.ok && r.code === 'http-error' && r.status !== undefined && r.status >= 400 && r.status < 500) return [];
    return 'none';
  };
  return {
    async allows(url, stop) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      const cached = sites.get(parsed.origin);
      const entry = cached && clock.now() - cached.at < ROBOTS_TTL_MS ? cached : { at: clock.now(), rules: read(parsed.origin, stop) };
      sites.set(parsed.origin, entry);
      const rules = await entry.rules;
      if (rules === 'none') {
        // Read again next time rather than refusing the site for a day.
        sites.delete(parsed.origin);
        return false;
      }
      return robotsAllow(rules, `${parsed.pathname}${parsed.search}`);
    },
  };
}
