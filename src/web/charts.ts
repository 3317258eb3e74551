/**
 * Small inline SVG charts (no script, no library): a coverage sparkline of articles over time and a
 * timeline strip of dated happenings. Labels are escaped like any other scraped text.
 */
import { escapeHtml } from '../compare/index.js';

const DAY_MS = 86_400_000;

/** Milliseconds of a stored date (`2025`, `2025-03`, `2025-03-11`, ISO datetime); NaN when unreadable. A partial date stands for its start. */
export function dateMs(date: string | null | undefined): number {
  if (!date) return NaN;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** Bars in a sparkline: enough to show a shape at 8rem wide. */
const SPARK_BINS = 24;

/** A sparkline of how many articles appeared when; dates that cannot be read are left out. */
export function coverageSparkline(dates: (string | null)[], width = 120, height = 28): string {
  const ms = dates.map(dateMs).filter(Number.isFinite).sort((a, b) => a - b);
  const label = ms.length ? `${ms.length} dated articles, ${new Date(ms[0]!).toISOString().slice(0, 10)} to ${new Date(ms[ms.length - 1]!).toISOString().slice(0, 10)}` : 'no dated articles';
  const open = `<svg class="spark" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>`;
  if (!ms.length) return `${open}<line class="axis" x1="0" y1="${height - 0.5}" x2="${width}" y2="${height - 0.5}"/></svg>`;
  const lo = ms[0]!;
  // At least a day wide, so one date still draws one bar.
  const span = Math.max(ms[ms.length - 1]! - lo, DAY_MS);
  const bins = new Array<number>(SPARK_BINS).fill(0);
  for (const t of ms) bins[Math.min(SPARK_BINS - 1, Math.floor(((t - lo) / span) * SPARK_BINS))]!++;
  const max = Math.max(...bins);
  const w = width / SPARK_BINS;
  const bars = bins
    .map((n, i) => (n ? `<rect class="bar" x="${(i * w + 0.5).toFixed(1)}" y="${(height - 1 - ((height - 2) * n) / max).toFixed(1)}" width="${(w - 1).toFixed(1)}" height="${(((height - 2) * n) / max).toFixed(1)}"/>` : ''))
    .join('');
  return `${open}<line class="axis" x1="0" y1="${height - 0.5}" x2="${width}" y2="${height - 0.5}"/>${bars}</svg>`;
}

/** Days before the first article that the timeline chart still draws to scale (a year of background). */
const EARLIER_DAYS = 365;

/** Dots drawn at most: beyond a few hundred they only blot the strip (and bloat the page). */
const MAX_POINTS = 300;

/** One point of the timeline chart. */
export interface TimelinePoint {
  date: string;
  /** Bigger when more outlets report it. */
  weight: number;
  /** Fragment of the list entry it stands for (`t-3`), or '' for no link. */
  anchor: string;
  title: string;
}

/**
 * The timeline as a strip: dated happenings as dots above the axis (size by the number of
 * reporting outlets, each linking to its list entry), article publication dates as ticks below.
 */
export function timelineChart(points: TimelinePoint[], published: (string | null)[], width = 640, height = 120): string {
  // The most widely reported points when there are too many to tell apart.
  const pts = points
    .map((p) => ({ ...p, t: dateMs(p.date) }))
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_POINTS);
  const pubs = published.map(dateMs).filter(Number.isFinite);
  const all = [...pts.map((p) => p.t), ...pubs];
  if (!all.length) return '<p class="empty">No dated happenings to draw.</p>';
  const hi = Math.max(...all);
  // Background dates long before the coverage ("opened in 1978") would squash the rest: they sit at the left edge.
  const lo = Math.max(Math.min(...all), (pubs.length ? Math.min(...pubs) : hi) - EARLIER_DAYS * DAY_MS);
  const earlier = pts.filter((p) => p.t < lo).length;
  const span = Math.max(hi - lo, DAY_MS);
  const pad = 24;
  const axisY = height - 34;
  const x = (t: number) => pad + ((Math.max(t, lo) - lo) / span) * (width - 2 * pad);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const parts = [
    `<svg class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`Timeline from ${day(lo)} to ${day(hi)}: ${pts.length} dated happenings, ${pubs.length} articles`)}">`,
    `<line class="axis" x1="${pad}" y1="${axisY}" x2="${width - pad}" y2="${axisY}"/>`,
  ];
  for (const t of pubs) parts.push(`<line class="tick" x1="${x(t).toFixed(1)}" y1="${axisY + 3}" x2="${x(t).toFixed(1)}" y2="${axisY + 12}"/>`);
  // Dots that would overlap are stacked upwards.
  const used: number[][] = [];
  for (const p of pts) {
    const cx = x(p.t);
    let row = 0;
    while ((used[row] ??= []).some((u) => Math.abs(u - cx) < 10)) row++;
    used[row]!.push(cx);
    const r = Math.min(3 + p.weight * 1.5, 9);
    const cy = Math.max(r, axisY - 10 - row * 14);
    const dot = `<circle class="dot" cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}"><title>${escapeHtml(`${p.date}: ${p.title}`)}</title></circle>`;
    parts.push(p.anchor ? `<a href="#${escapeHtml(p.anchor)}">${dot}</a>` : dot);
  }
  parts.push(`<text class="label" x="${pad}" y="${height - 6}">${earlier ? `◀ ${earlier} earlier · ` : ''}${day(lo)}</text>`);
  parts.push(`<text class="label" x="${width - pad}" y="${height - 6}" text-anchor="end">${day(hi)}</text>`);
  parts.push(`<text class="label legend" x="${width / 2}" y="${height - 6}" text-anchor="middle">● happenings · | articles published</text>`);
  parts.push('</svg>');
  // Shown instead of the in-chart legend on a phone, where the chart's labels are enlarged and there is no room.
  parts.push('<p class="chart-legend meta">● happenings · | articles published</p>');
  return parts.join('');
}
