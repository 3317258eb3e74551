/**
 * The brief: what a reader needs first, built from the report's own records (no new claims). Where
 * things stand now (dated), the arc of the anticipated event in date order, the key corroborated
 * facts, the open contradictions, and background kept apart and labelled. Every line is a quoted
 * sentence with its sources; the only words of ours are the status labels of developments.
 */
import { contentStems } from '../compare/index.js';
import { developmentLabel, sameCitedSpot, type BriefItem, type Citation, type Development, type ReportBrief, type StorylineReport } from '../model/index.js';

/** How many lines each part of the brief holds (read in a minute; the detail follows in the report). */
export interface BriefOptions {
  arc: number;
  keyFacts: number;
  contradictions: number;
  background: number;
  alsoReported: number;
  /** Two facts sharing this share of their content words (Jaccard) tell one thing: the brief keeps the first. */
  sameFactOverlap: number;
}

// Chosen on the seeds and the demo corpus: the seeds' arc fits, and the largest ECB+ dev storyline's
// brief stays under 25 lines.
export const DEFAULT_BRIEF_OPTIONS: BriefOptions = { arc: 8, keyFacts: 5, contradictions: 3, background: 3, alsoReported: 3, sameFactOverlap: 0.4 };
// sameFactOverlap chosen on the largest ECB+ dev storyline (40 articles): its four wordings of "the Saints
// placed Pierre Thomas on injured reserve" share 0.45–0.7 of their content stems; the seeds' distinct
// facts (Sochi meeting, Syria, mediation) share under 0.2.

/** Jaccard overlap of two sets. */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}


/**
 * The developments split by anticipated event: one thread per kind and place, a step that names no
 * place joining the thread of its kind told most often (reason: "a visit is being prepared" continues
 * the visit to Turkey; a possible meeting in Astana is another event, not where the visit stands).
 * The main thread, with the most steps, comes first.
 */
export function developmentThreads(developments: Development[]): Development[][] {
  const key = (d: Development) => `${d.event}\u0000${d.place ?? ''}`;
  const count = new Map<string, number>();
  for (const d of developments) if (d.place) count.set(key(d), (count.get(key(d)) ?? 0) + 1);
  const mainPlace = new Map<string, string>();
  for (const [k, n] of [...count].sort((a, b) => b[1] - a[1])) {
    const [event, place] = k.split('\u0000') as [string, string];
    if (!mainPlace.has(event) && n > 0) mainPlace.set(event, place);
  }
  const threads = new Map<string, Development[]>();
  for (const d of developments) {
    const k = `${d.event}\u0000${d.place ?? mainPlace.get(d.event) ?? ''}`;
    threads.set(k, [...(threads.get(k) ?? []), d]);
  }
  return [...threads.values()].sort((a, b) => b.length - a.length);
}

function fromDevelopment(d: Development): BriefItem {
  return { date: d.date, label: developmentLabel(d), text: d.text, sources: d.sources, citations: d.citations };
}

/**
 * Whether the timeline tells a sentence as background: its earliest dated happening is flagged so (well
 * before the storyline's first report). A sentence naming an old happening and a recent one, "last
 * visited in 2020 … barred since last year", is told for the old one; a sentence not in the timeline is news.
 */
function toldAsBackground(citation: Citation, report: StorylineReport): boolean {
  let earliest: { date: string; background: boolean } | null = null;
  for (const t of report.timeline ?? []) {
    if (!t.citations.some((tc) => sameCitedSpot(citation, tc))) continue;
    if (!earliest || t.date < earliest.date) earliest = { date: t.date, background: !!t.background };
  }
  return earliest?.background ?? false;
}

/** The storyline's latest publication day. */
function latestDate(report: StorylineReport): string | null {
  const dates = report.articles.map((a) => a.published).filter((d): d is string => !!d).sort();
  return dates.length ? dates[dates.length - 1]!.slice(0, 10) : null;
}

/** Latest publication date among the cited articles (undated ones count as unknown). */
function latestCited(citations: Citation[], report: StorylineReport): string {
  let out = '';
  for (const c of citations) {
    const p = report.articles.find((a) => a.id === c.article)?.published ?? '';
    if (p > out) out = p;
  }
  return out;
}

/**
 * The arc: one line per change of the anticipated event, in report order; a report repeating the
 * previous status and date adds its sources to that line instead (reason: three outlets saying
 * "being prepared" in one week are one step of the story, not three).
 */
function arcOf(developments: Development[]): BriefItem[] {
  const ordered = developments.map((d, i) => ({ d, i })).sort((x, y) => ((x.d.date ?? '9999') < (y.d.date ?? '9999') ? -1 : (x.d.date ?? '9999') > (y.d.date ?? '9999') ? 1 : x.i - y.i));
  const out: BriefItem[] = [];
  for (const { d } of ordered) {
    const item = fromDevelopment(d);
    const prev = out[out.length - 1];
    if (prev && prev.label === item.label) {
      prev.sources = [...new Set([...prev.sources, ...item.sources])];
      prev.citations = [...prev.citations, ...item.citations];
      continue;
    }
    out.push(item);
  }
  return out;
}

/**
 * A planned step whose date has passed by the storyline's latest report, with no report saying it
 * took place or was called off, says so (reason: "scheduled for 12 February", read in June, must not
 * pass for where things stand).
 */
function withPastNote(item: BriefItem, d: Development | undefined, asOf: string | null): BriefItem {
  const open = d && !['Happened', 'EventCancelled'].includes(d.status);
  if (!open || !d.eventDate || !asOf || !/^\d{4}-\d{2}(?:-\d{2})?$/u.test(d.eventDate)) return item;
  // The whole month (or day) named must be over.
  const end = d.eventDate.length === 7 ? `${d.eventDate}-31` : d.eventDate;
  if (end >= asOf) return item;
  return { ...item, note: `its date, ${d.eventDate}, has passed by ${asOf}, and no article here says it took place or was called off` };
}

/** Builds the brief of a report that already has its timeline and developments. */
export function buildBrief(report: StorylineReport, options: Partial<BriefOptions> = {}): ReportBrief {
  const o = { ...DEFAULT_BRIEF_OPTIONS, ...options };
  const last = latestDate(report);
  // Judged on the line's own sentence (a fact's representative, a summary sentence's first citation).
  const isBackground = (text: string, citations: Citation[]): boolean => {
    const own = citations.find((c) => text.startsWith(c.sentence) || c.sentence.includes(text)) ?? citations[0];
    return own ? toldAsBackground(own, report) : false;
  };

  const [main = [], ...others] = developmentThreads(report.developments ?? []);
  const arcAll = arcOf(main);
  const arc = arcAll.slice(-o.arc);
  // Other anticipated events: where each stands now, one line each.
  const otherEvents = others.map((t) => arcOf(t).at(-1)!).filter(Boolean);

  const told = (cites: Citation[], lines: BriefItem[]) => lines.some((b) => b.citations.some((x) => cites.some((c) => sameCitedSpot(c, x))));
  const background: BriefItem[] = [];
  const keyFacts: BriefItem[] = [];
  // Facts ranked by independent sources, then by how recent their latest report is (the news first).
  const ranked = [...report.facts].sort((a, b) => b.sources.length - a.sources.length || (latestCited(b.citations, report) < latestCited(a.citations, report) ? -1 : 1));
  const chosenStems: Set<string>[] = [];
  for (const f of ranked) {
    // A fact the arc already quotes is told there, with its place in the story.
    if (told(f.citations, [...arcAll, ...otherEvents])) continue;
    // Another wording of a fact already chosen adds nothing to a brief (the detail lists both).
    const stems = new Set(contentStems(f.text));
    if (chosenStems.some((c) => overlap(c, stems) >= o.sameFactOverlap)) continue;
    chosenStems.push(stems);
    const item: BriefItem = { date: null, text: f.text, sources: f.sources, citations: f.citations };
    if (isBackground(f.text, f.citations)) {
      if (background.length < o.background) background.push(item);
    } else if (keyFacts.length < o.keyFacts) keyFacts.push(item);
  }

  // Open contradictions: between outlets first (one outlet's slip within an article matters less).
  const contradictions = report.conflicts
    .filter((c) => c.kind === 'conflict')
    .sort((a, b) => Number(a.withinArticle) - Number(b.withinArticle))
    .slice(0, o.contradictions)
    .map((c): BriefItem => ({ date: null, label: c.withinArticle ? `${c.description} (within one article)` : c.description, text: c.citations.map((x) => x.sentence).join(' / '), sources: [...new Set((c.sides ?? []).flatMap((s) => s.sources))], citations: [...c.citations] }));

  // Summary sentences not already told above, the news apart from the background.
  const alsoReported: BriefItem[] = [];
  for (const s of report.summary) {
    if (told(s.citations, [...arcAll, ...otherEvents, ...keyFacts, ...background, ...alsoReported])) continue;
    const item: BriefItem = { date: null, text: s.text, sources: s.sources, citations: s.citations };
    if (isBackground(s.text, s.citations)) {
      if (background.length < o.background) background.push(item);
    } else if (alsoReported.length < o.alsoReported) alsoReported.push(item);
  }

  // Where things stand: the latest step of the arc; without one, the latest-reported news sentence.
  const latestNews = [...keyFacts, ...alsoReported].sort((a, b) => (latestCited(b.citations, report) < latestCited(a.citations, report) ? -1 : 1))[0];
  const now = arcAll.length ? withPastNote(arcAll[arcAll.length - 1]!, main.at(-1), last) : latestNews ? { ...latestNews, date: latestCited(latestNews.citations, report).slice(0, 10) || null } : null;
  // The sentence heading the brief is not repeated under "Also reported".
  const alsoReportedRest = arcAll.length ? alsoReported : alsoReported.filter((b) => b !== latestNews);
  return { asOf: last, now, arc: arc.length > 1 ? arc : [], otherEvents, keyFacts, contradictions, alsoReported: alsoReportedRest, background };
}
