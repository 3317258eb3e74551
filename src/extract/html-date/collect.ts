/**
 * One walk over the parsed page that gathers everything the date cascade looks at: `<meta>`
 * tags, JSON-LD blocks, `<time>`/`<abbr>` elements, elements whose itemprop, class or id says
 * "date", and the visible text. Walking once keeps the helper fast on large pages.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';

/** A date-bearing element, with the facts the cascade needs about it. */
export interface DateElement {
  /** Tag name, lower case. */
  tag: string;
  attribs: Record<string, string>;
  /** Its text, white space collapsed, cut at `MAX_ELEMENT_TEXT`. */
  text: string;
  /** The text was cut: the element is a container (a whole post), not a date line. */
  long: boolean;
  /** Class and id of the element and of its parent (a bare `<time>` takes its meaning from its wrapper). */
  context: string;
  /** Inside a comment thread, sidebar or widget, whose dates belong to other content. */
  aside: boolean;
  /** Characters of visible text (white space collapsed) before the element: its place on the page. */
  at: number;
}

/** What the walk gathered. */
export interface PageFacts {
  /** `lang` of `<html>`, lower case, or ''. */
  lang: string;
  metas: Array<Record<string, string>>;
  jsonLd: string[];
  /** Other inline scripts (page state as JSON often names the publication date). */
  scripts: string[];
  times: DateElement[];
  abbrs: DateElement[];
  itemprops: DateElement[];
  /** Elements whose class or id names a date, in document order. */
  classed: DateElement[];
  /** Visible text, one line per block element. */
  text: string;
  /** Offset in `text` where the first `<h1>` starts (the headline, near which bylines sit), or -1. */
  headline: number;
  /** The same place counted like `DateElement.at`, or -1 without an `<h1>`. */
  headlineAt: number;
}

// Longer element texts are whole sections, not a date line.
const MAX_ELEMENT_TEXT = 240;
// Marks where the headline starts while the text is assembled (a control character no page text holds).
const HEADLINE_MARK = '\u0001';
// Page-state scripts past this length are bundles, not data about the page.
const MAX_SCRIPT_TEXT = 500_000;
// Text from these never reaches the reader.
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'select', 'option']);
// These break lines: a date alone in one of them is a date line.
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'form', 'main', 'address']);
// Class or id that names a date line: "date", "datum", "published", "posted-on", "entry-meta", "byline", "timestamp".
const DATE_CLASS = /date|datum|publi|posted|pubtime|timestamp|entry-meta|post-meta|article-meta|byline|dateline|meta-info|post-info|(?:^|[\s_-])time(?:$|[\s_-])|zeit/i;
// Class or id of a container whose dates belong to other content (comments, teasers, sidebars). The
// name must start a word (after a space or hyphen): "PageArticle_commentHeader" heads an opinion piece.
const ASIDE_CLASS = /(?:^|[\s-])(?:comment|kommentar|forum|reply|respond|sidebar|widget|related|teaser|recommend|popular|trending|archive|calendar|footer)/i;
// Class or id values that contain "date" but are not dates ("update" buttons, "validate" forms, "candidate").
const NOT_DATE_CLASS = /update|validat|candidat|accommodat|mandat|status-publish/i;

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function shortText(el: Element): string {
  let out = '';
  const walk = (n: AnyNode): void => {
    if (out.length > MAX_ELEMENT_TEXT * 2) return;
    if (isText(n)) out += n.data;
    else if (isTag(n)) {
      if (HIDDEN.has(n.name)) return;
      if (BLOCK.has(n.name)) out += ' ';
      for (const c of n.children) walk(c);
    }
  };
  walk(el);
  return collapse(out);
}

function rawText(el: Element): string {
  let out = '';
  for (const c of el.children) if (isText(c)) out += c.data;
  return out;
}

/** Gathers the page facts in one walk. */
export function collectPageFacts(document: Document): PageFacts {
  const facts: PageFacts = { lang: '', metas: [], jsonLd: [], scripts: [], times: [], abbrs: [], itemprops: [], classed: [], text: '', headline: -1, headlineAt: -1 };
  // Collapsed length of the visible text so far, the measure of `at`.
  let seen = 0;
  const chunks: string[] = [];
  let sawHeadline = false;
  const visit = (node: AnyNode, hidden: boolean, aside: boolean, parentCls: string): void => {
    if (isText(node)) {
      if (!hidden) {
        chunks.push(node.data.includes(HEADLINE_MARK) ? node.data.replaceAll(HEADLINE_MARK, ' ') : node.data);
        seen += node.data.replace(/\s+/g, ' ').length;
      }
      return;
    }
    if (!isTag(node)) {
      if ('children' in node) for (const c of (node as Document).children) visit(c, hidden, aside, parentCls);
      return;
    }
    const el = node;
    const name = el.name.toLowerCase();
    const a = el.attribs;
    if (name === 'html' && a.lang) facts.lang = a.lang.toLowerCase();
    if (name === 'meta') facts.metas.push(a);
    if (name === 'script') {
      if (/ld\+json/i.test(a.type ?? '')) facts.jsonLd.push(rawText(el));
      else if (!a.src) facts.scripts.push(rawText(el).slice(0, MAX_SCRIPT_TEXT));
    }
    const cls = `${a.class ?? ''} ${a.id ?? ''}`;
    const isAside = aside || (cls.length > 1 && ASIDE_CLASS.test(cls));
    const entry = (): DateElement => {
      const t = shortText(el);
      return { tag: name, attribs: a, text: t.slice(0, MAX_ELEMENT_TEXT), long: t.length > MAX_ELEMENT_TEXT, context: `${cls} ${parentCls}`.trim(), aside: isAside, at: seen };
    };
    if (!hidden || name === 'meta') {
      if (name === 'time') facts.times.push(entry());
      else if (name === 'abbr') facts.abbrs.push(entry());
      if (a.itemprop && /date|time/i.test(a.itemprop) && name !== 'meta') facts.itemprops.push(entry());
      else if (name === 'meta' && a.itemprop && /date/i.test(a.itemprop)) facts.itemprops.push(entry());
      if (cls.length > 1 && DATE_CLASS.test(cls) && !NOT_DATE_CLASS.test(cls) && name !== 'body' && name !== 'html') facts.classed.push(entry());
    }
    const childHidden = hidden || HIDDEN.has(name);
    const block = BLOCK.has(name);
    if (block && !childHidden) chunks.push('\n');
    if (name === 'h1' && !childHidden && !sawHeadline) {
      chunks.push(HEADLINE_MARK);
      sawHeadline = true;
      facts.headlineAt = seen;
    }
    for (const c of el.children) visit(c, childHidden, isAside, cls);
    if (block && !childHidden) chunks.push('\n');
  };
  for (const c of document.children) visit(c, false, false, '');
  const text = chunks
    .join('')
    .replace(/[ \t\u00a0\r]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
  facts.headline = text.indexOf(HEADLINE_MARK);
  facts.text = facts.headline >= 0 ? text.replace(HEADLINE_MARK, '') : text;
  return facts;
}
