/**
 * The one stylesheet of the pages, served at `/static/style.css` (kept in a module so it ships in
 * `dist/` with the code). Mobile first: one column, wide tables scroll inside their box; from
 * 48em the framing cards sit side by side.
 */
export const STYLESHEET = `
:root { --fg: #1d232a; --muted: #5b6570; --line: #d9dee3; --bg: #fff; --soft: #f4f6f8; --accent: #0b5cad; --good: #1f7a3a; --bad: #b3261e; --mark: #fff1a8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: var(--soft); }
header.top .brand { font-weight: 700; text-decoration: none; color: var(--fg); font-size: 1.1rem; }
header.top form { display: flex; gap: .4rem; flex: 1 1 14rem; max-width: 32rem; }
header.top input[type=search] { flex: 1; min-width: 0; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
button { padding: .45rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 6px; font: inherit; cursor: pointer; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
footer { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .4rem 0 .6rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta { color: var(--muted); font-size: .9rem; }
.pill { display: inline-block; padding: 0 .45rem; margin: 0 .25rem .25rem 0; border: 1px solid var(--line); border-radius: 999px; font-size: .8rem; color: var(--muted); background: var(--soft); }
ul.lines { list-style: none; padding: 0; margin: 0; }
ul.lines > li { display: grid; grid-template-columns: 1fr auto; gap: .2rem 1rem; align-items: center; padding: .7rem 0; border-bottom: 1px solid var(--line); }
ul.lines > li .title { font-weight: 600; font-size: 1.05rem; overflow-wrap: anywhere; }
ul.lines svg.spark { width: 8rem; height: 2rem; }
svg .bar { fill: var(--accent); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .tick { stroke: var(--muted); stroke-width: 1; opacity: .6; }
svg .dot { fill: var(--accent); fill-opacity: .75; }
svg .label { fill: var(--muted); font-size: 11px; }
svg.timeline { width: 100%; height: auto; display: block; }
.pager { display: flex; justify-content: space-between; margin: 1rem 0; }
ol.summary li, ol.timeline li { margin: .35rem 0; }
a.cite { display: inline-block; max-width: 14rem; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom; font-size: .75rem; line-height: 1.5; text-decoration: none; padding: 0 .25rem; border-radius: 4px; background: var(--soft); border: 1px solid var(--line); margin-left: .15rem; white-space: nowrap; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { padding: .4rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.reports { color: var(--good); font-weight: 600; text-align: center; }
td.contradicts { color: var(--bad); font-weight: 600; text-align: center; background: #fdecea; }
td.silent { color: var(--muted); text-align: center; }
.matrix td:first-child { min-width: 14rem; }
blockquote { margin: .5rem 0; padding: .3rem .8rem; border-left: 3px solid var(--line); }
.framing { display: grid; grid-template-columns: 1fr; gap: .8rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; }
.tone-neg { color: var(--bad); } .tone-pos { color: var(--good); }
article.text { margin-top: 1.2rem; }
article.text p { margin: 0 0 1rem; overflow-wrap: anywhere; }
mark, .cited, :target { background: var(--mark); }
details { margin: 1rem 0; border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; }
details summary { cursor: pointer; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: 0; font-size: .9rem; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.removed li { margin: .3rem 0; font-size: .9rem; }
.hit { margin: .8rem 0; }
.empty { color: var(--muted); font-style: italic; }
time.date, .meta time { white-space: nowrap; }
.latest { margin: -.3rem 0 .5rem; color: var(--muted); font-size: .95rem; }
#events li .latest { margin: .1rem 0; font-size: .85rem; }
.scroll-hint { margin: .2rem 0 .4rem; }
.table-wrap:focus { outline: 2px solid var(--accent); }
.chart-legend { display: none; margin: .2rem 0 0; }
/* A phone shrinks the 640-unit chart to ~60%: 11-unit labels would be ~6px. Larger end dates, and the legend moves out as text. */
@media (max-width: 36em) {
  svg.timeline .label { font-size: 20px; }
  svg.timeline .legend { display: none; }
  .chart-legend { display: block; }
}
@media (min-width: 48em) { .scroll-hint { display: none; } }
@media (min-width: 48em) {
  .framing { grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
  h1 { font-size: 1.8rem; }
}
`;
