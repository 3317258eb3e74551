/**
 * Main-content extraction over a parsed page, as a documented cascade:
 *
 * 1. prune page furniture by tag, ARIA role and class/id words (`patterns.ts`), hidden elements too;
 * 2. score text-bearing blocks (length, commas) into their ancestors, weighted by link density and
 *    class hints (readability/boilerpipe ideas), prefer the article under the page's headline, pick
 *    the best container and join its siblings: good scores, the same kind of container (articles
 *    split across boxes), a prose block just before it (the lead), never a "Related" section;
 * 3. render it block by block, dropping short link-heavy blocks, boilerplate lines, bylines that
 *    open the text and calls to action or credits that close it;
 * 4. on gallery pages, whose captions hold far more text than the body, take the captions as text;
 * 5. when that text is too short, fall back to the same scoring with tag-level pruning only, then to
 *    every good paragraph of the page (jusText-like), and keep the longest plausible result.
 */
import { ElementType } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import type { Removal, RemovalReason } from '../../model/index.js';
import { classAndId, collapse, isElement, textOf } from './dom.js';
import {
  BLOCK_TAGS, BODY_ITEMPROPS, BODY_MARKER_CLASS, BOILERPLATE_ATTRIBUTES, BOILERPLATE_LINES, BOILERPLATE_ROLES, BOILERPLATE_TAGS,
  CAPTION_LINES, CAPTION_TAGS, CONTENT_HINT, DATE_LINE_WORDS, DROP_TAGS, HEAD_LINES, KEEP_ATTRIBUTES, MAX_LINK_DENSITY, NEGATIVE_HINT,
  RELATED_HEADING, TRAILER_PATTERNS,
} from './patterns.js';

/** The article text with what was dropped on the way. */
export interface ContentResult {
  text: string;
  captions: string[];
  removed: Removal[];
  /** Which step of the cascade produced the text (for debugging and the benchmark). */
  strategy: 'scored' | 'scored-lenient' | 'paragraphs' | 'all-text' | 'empty';
}

export interface ContentOptions {
  /** The page title, so a heading that repeats it can be dropped from the body. */
  title?: string | null;
}

// Shorter than this, a result is "too little" and the next step of the cascade runs. Tuned on the
// even half (sorted key order) of the aeb and trafilatura dev pages, like every constant here.
const MIN_TEXT_CHARS = 250;
// A fallback replaces a shorter result only when it is clearly longer (avoids swapping in menus).
const FALLBACK_GAIN = 2;
// A class/id rule may not remove an element holding this share of the page's non-link text: such
// an element is a page wrapper whose class happens to contain "sidebar", "nav" or "ad".
const MAX_PRUNED_SHARE = 0.6;
// Blocks shorter than this many characters need low link density to be kept (200, 400 and 600
// were tried; 600 was best on both even halves).
const SHORT_BLOCK_CHARS = 600;
// Caps so the record of removals stays small.
const MAX_REMOVALS = 40;
const MAX_REMOVAL_TEXT = 120;
const MAX_CAPTIONS = 20;
// A paragraph unit must have at least this much text to count for scoring (readability uses 25).
const MIN_UNIT_CHARS = 25;
// Bonus for containers that name themselves the article body (itemprop=articleBody, <article>).
const BODY_MARKER_BONUS = 30;
// Class/id hints are worth this much either way (readability's weight).
const CLASS_WEIGHT = 25;

/** Per-element text statistics, accumulated bottom-up. */
interface Stats {
  text: number;
  link: number;
  commas: number;
  /** Text in direct text nodes and inline children: a `div` used as a paragraph. */
  inline: number;
  inlineCommas: number;
  /** Non-link text inside `<p>` elements. */
  para: number;
}

type Skip = Map<Element, { reason: RemovalReason; rule: string }>;

const INLINE_SEPARATORS = new Set(['td', 'th']);

const HEADING = /^h[1-6]$/;

/** Hidden from view by the page itself (`aria-hidden` only hides from screen readers, so it does not count). */
function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  const style = a.style;
  return !!style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Elements removed before anything is measured: scripts, media, form controls, hidden blocks. */
function hardSkip(el: Element): boolean {
  return DROP_TAGS.has(el.name) || el.type !== ElementType.Tag || isHidden(el);
}

/** Bottom-up text statistics of every element under `root`, ignoring skipped subtrees. */
function measure(root: Element | Document, skip: (el: Element) => boolean): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const order: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === ElementType.Text) {
      const parent = node.parent;
      if (parent && isElement(parent)) {
        const s = stats.get(parent);
        if (s) {
          const n = visibleLength(node.data);
          const c = countCommas(node.data);
          s.text += n;
          s.commas += c;
          s.inline += n;
          s.inlineCommas += c;
        }
      }
      continue;
    }
    if (!isElement(node) || skip(node)) continue;
    stats.set(node, { text: 0, link: 0, commas: 0, inline: 0, inlineCommas: 0, para: 0 });
    order.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const s = stats.get(el)!;
    if (el.name === 'a') s.link = s.text;
    if (el.name === 'p') s.para = s.text - s.link;
    const parent = el.parent && isElement(el.parent) ? stats.get(el.parent) : undefined;
    if (!parent) continue;
    parent.text += s.text;
    parent.link += s.link;
    parent.commas += s.commas;
    parent.para += s.para;
    if (!BLOCK_TAGS.has(el.name)) {
      parent.inline += s.text;
      parent.inlineCommas += s.commas;
    }
  }
  return stats;
}

/** Length of the text once runs of white space are collapsed and the ends trimmed (no regex: hot path). */
function visibleLength(text: string): number {
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x200b || c === 0xfeff) {
      space = n > 0;
    } else {
      if (space) n++;
      space = false;
      n++;
    }
  }
  return n;
}

function countCommas(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) n++;
  }
  return n;
}

/** The boilerplate rule an element matches, or null. */
function matchRule(el: Element): { reason: RemovalReason; rule: string } | null {
  const tagReason = BOILERPLATE_TAGS.get(el.name);
  if (tagReason) return { reason: tagReason, rule: `tag:${el.name}` };
  const role = el.attribs.role;
  if (role) {
    const r = BOILERPLATE_ROLES.get(role.toLowerCase());
    if (r) return { reason: r, rule: `role:${role.toLowerCase()}` };
  }
  if (el.name === 'body' || el.name === 'html' || el.name === 'main' || el.name === 'article') return null;
  // A heading is text, not a widget: its class is often an anchor for a table of contents
  // ("nav_section_2"); headings of removed widgets go with them or as orphans.
  if (HEADING.test(el.name)) return null;
  if (isBodyMarker(el)) return null;
  const words = classAndId(el);
  if (!words || KEEP_ATTRIBUTES.test(words)) return null;
  for (const rule of BOILERPLATE_ATTRIBUTES) {
    if (rule.pattern.test(words)) return { reason: rule.reason, rule: rule.name };
  }
  return null;
}

/** The element says it is the article body (schema.org microdata or an unambiguous class). */
function isBodyMarker(el: Element): boolean {
  const prop = el.attribs.itemprop?.toLowerCase();
  if (prop && prop.split(/\s+/).some((p) => BODY_ITEMPROPS.has(p))) return true;
  const words = classAndId(el);
  return !!words && BODY_MARKER_CLASS.test(words);
}

/** Decides which elements the strict pass removes, vetoing rules that would remove the page body. */
function pruneByRules(body: Element | Document, base: Map<Element, Stats>, keepCaptions = false): Skip {
  const skip: Skip = new Map();
  const pageText = totalText(body, base);
  const stack: AnyNode[] = [];
  for (let i = body.children.length - 1; i >= 0; i--) stack.push(body.children[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const s = base.get(node);
    if (!s) continue; // hard-skipped
    const m = matchRule(node);
    if (m && !(keepCaptions && m.reason === 'caption')) {
      // Structural tags and roles are trusted, except <form>, which ASP.NET pages wrap around
      // everything; class words are vetoed on wrappers of the article.
      const byClass = m.rule.startsWith('class:') || m.rule === 'tag:form';
      const vetoed =
        byClass &&
        m.reason !== 'comments' &&
        ((pageText > 500 && s.text - s.link > MAX_PRUNED_SHARE * pageText) ||
          (SMALL_WIDGETS.has(m.reason) && s.para > MAX_WIDGET_PARAGRAPHS) ||
          holdsBodyMarker(node, base));
      if (!vetoed) {
        skip.set(node, m);
        continue;
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return skip;
}

/** Non-link text under `root` (which `measure` does not record itself), text nodes directly in it aside. */
function totalText(root: Element | Document, stats: Map<Element, Stats>): number {
  let n = 0;
  for (const c of root.children) {
    const s = isElement(c) ? stats.get(c) : undefined;
    if (s) n += s.text - s.link;
  }
  return n;
}

// Share buttons, ads, menus, meta rows and consent banners are small: one holding this much
// paragraph text is a content wrapper with an unlucky class ("l-articleview__sharing").
const MAX_WIDGET_PARAGRAPHS = 400;
const SMALL_WIDGETS: ReadonlySet<RemovalReason> = new Set<RemovalReason>([
  'share-widget', 'navigation', 'advertisement', 'metadata', 'caption', 'cookie-notice',
]);

// Body markers smaller than this are not the article (teaser cards use <article> too).
const MIN_MARKER_TEXT = 200;

/** True when a substantial `<article>`, `<main>` or article-body element sits inside `el`. */
function holdsBodyMarker(el: Element, stats: Map<Element, Stats>): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const s = stats.get(node);
    if (!s || s.text - s.link < MIN_MARKER_TEXT) continue;
    if (node.name === 'article' || node.name === 'main' || isBodyMarker(node)) return true;
    for (const c of node.children) stack.push(c);
  }
  return false;
}

function linkDensity(s: Stats): number {
  return s.text ? s.link / s.text : 0;
}

function classWeight(el: Element): number {
  const words = classAndId(el);
  let w = 0;
  if (words) {
    if (CONTENT_HINT.test(words)) w += CLASS_WEIGHT;
    if (NEGATIVE_HINT.test(words)) w -= CLASS_WEIGHT;
  }
  if (isBodyMarker(el)) w += BODY_MARKER_BONUS;
  return w;
}

function tagWeight(name: string): number {
  switch (name) {
    case 'div': case 'article': case 'main': case 'section': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

// Candidates with less non-link text than this have their score scaled down in proportion
// (100, 200 and 400 tried on the even halves; 100 fixed the one even page without loss).
const MIN_CANDIDATE_TEXT = 100;

// A parent whose non-link text exceeds the winner's by less than this factor (plus 20 characters)
// is a thin wrapper and is taken instead. 1.05 and 1.15 were worse on the aeb even half: what a
// wrapper adds is mostly standfirst, gallery labels and bylines.
const WRAPPER_SLACK = 1.0;
// Paragraph units are scored into up to this many ancestors (parent full, then shares).
const SCORE_LEVELS = 3;

/** Readability-style container scores over the unskipped tree. */
function scoreContainers(stats: Map<Element, Stats>): Map<Element, number> {
  const scores = new Map<Element, number>();
  const init = (el: Element): void => {
    if (!scores.has(el)) scores.set(el, tagWeight(el.name) + classWeight(el));
  };
  for (const [el, s] of stats) {
    let len: number;
    let commas: number;
    if (el.name === 'p' || el.name === 'pre' || el.name === 'td' || el.name === 'blockquote') {
      len = s.text - s.link;
      commas = s.commas;
    } else if (BLOCK_TAGS.has(el.name) && el.name !== 'li' && s.inline >= MIN_UNIT_CHARS) {
      // A div holding text directly (often with <br>s) is a paragraph too.
      len = s.inline;
      commas = s.inlineCommas;
    } else continue;
    if (len < MIN_UNIT_CHARS) continue;
    const unit = 1 + commas + Math.min(Math.floor(len / 100), 3);
    let node: AnyNode | null = el.parent;
    // A div-as-paragraph scores into itself as well, so a lone text div can win.
    if (el.name !== 'p' && el.name !== 'pre' && el.name !== 'td' && el.name !== 'blockquote') {
      init(el);
      scores.set(el, scores.get(el)! + unit);
    }
    for (let level = 0; level < SCORE_LEVELS && node && isElement(node); level++) {
      if (!stats.has(node)) break;
      init(node);
      const share = level === 0 ? 1 : level === 1 ? 0.5 : 1 / (level * 3);
      scores.set(node, scores.get(node)! + unit * share);
      node = node.parent;
    }
  }
  for (const [el, score] of scores) {
    const st = stats.get(el)!;
    // Class and tag bonuses must not make a winner of a tiny element (a 45-character
    // "article-content" teaser would outscore the body): scores fade below this much text.
    const small = Math.min(1, (st.text - st.link) / MIN_CANDIDATE_TEXT);
    scores.set(el, score * small * (1 - linkDensity(st)));
  }
  return scores;
}

// A sibling of the winner joins it when it scores at least this share of the winner's score
// (readability uses 0.2; 0.1 was as good on the aeb and better on the trafilatura even halves).
const SIBLING_SHARE = 0.1;

/** The best container and the siblings that belong with it, in document order. */
function pickContainers(stats: Map<Element, Stats>, title: string | null = null): Element[] {
  const scores = scoreContainers(stats);
  let top: Element | null = null;
  let best = -Infinity;
  const ranked: [Element, number][] = [];
  for (const [el, score] of scores) {
    if (el.name === 'body' || el.name === 'html') continue;
    ranked.push([el, score]);
    if (score > best) {
      best = score;
      top = el;
    }
  }
  if (!top) return [];
  // The page's headline says which story the page is; its article beats a longer one elsewhere.
  const anchored = title ? followHeadline(top, title, stats, scores) : top;
  if (anchored !== top) top = anchored;
  else {
    // When several of the best candidates share an ancestor, the article is split across them
    // (readability's rule): take the ancestor.
    ranked.sort((a, b) => b[1] - a[1]);
    const leaders = ranked.slice(1, 5).filter(([, s]) => s >= best * 0.75).map(([el]) => el);
    if (leaders.length >= 2) {
      let anc: AnyNode | null = top.parent;
      while (anc && isElement(anc) && anc.name !== 'body') {
        const holds = leaders.filter((l) => isAncestor(anc as Element, l)).length;
        if (holds >= 2) {
          top = anc;
          break;
        }
        anc = anc.parent;
      }
    }
  }
  top = descendToBody(top, stats);
  // Climb while the parent holds little else: a thin wrapper loses nothing by being included.
  const topStats = stats.get(top)!;
  let parent = top.parent;
  while (parent && isElement(parent) && parent.name !== 'body' && stats.has(parent)) {
    const ps = stats.get(parent)!;
    if (ps.text - ps.link > (topStats.text - topStats.link) * WRAPPER_SLACK + 20) break;
    top = parent;
    parent = parent.parent;
  }
  top = climbToArticle(top, stats);
  const containers: Element[] = [];
  const siblings = top.parent ? top.parent.children : [top];
  const threshold = Math.max(10, best * SIBLING_SHARE);
  for (const sib of siblings) {
    if (!isElement(sib)) continue;
    const s = stats.get(sib);
    if (!s) continue;
    if (sib === top) {
      containers.push(sib);
      continue;
    }
    const score = scores.get(sib) ?? 0;
    const ld = linkDensity(s);
    const len = s.text;
    // A block under a "Related posts" heading never continues the article.
    if (underRelatedHeading(sib)) continue;
    const kin = sameKind(sib, top);
    if (score + (kin ? best * 0.2 : 0) >= threshold) containers.push(sib);
    // A sibling of the same kind with some prose is the next part of an article split across
    // several containers (page builders, paywall splits), even when scores missed it.
    else if (kin && s.text - s.link >= PROSE_MIN && ld < PROSE_LINK_DENSITY) containers.push(sib);
    else if (sib.name === 'p' && len > 80 && ld < 0.25) containers.push(sib);
    else if (sib.name === 'p' && len > 0 && ld === 0 && /[.!?:"“”»«]\s*$/.test(textOf(sib, 2000))) containers.push(sib);
    // A block of prose just before the winner is the lead or the first part of a split article.
    else if (!containers.includes(top) && isProseBlock(sib, s)) containers.push(sib);
  }
  return containers;
}

// A sibling before the winner joins it as prose when it holds at least this much non-link text,
// most of it (this share) inside <p> elements (readability's 80 characters; on the even halves
// joining prose after the winner too brought in factboxes and contact forms, so only before).
const PROSE_MIN = 80;
const PROSE_PARA = 0.6;
// More link text than this share and a block is a teaser list, not prose (readability's 0.25).
const PROSE_LINK_DENSITY = 0.25;
// Two siblings are of one kind when their class words overlap this much (Jaccard; 0.5, 0.6, 0.7
// and 1 = equal tried on the even halves: 0.7 gained there and left both odd halves unchanged).
const SIMILAR_CLASSES = 0.7;

/** A sibling block that reads as article prose: paragraph text, few links, ends like a sentence. */
function isProseBlock(el: Element, s: Stats): boolean {
  if (s.text - s.link < PROSE_MIN || linkDensity(s) >= PROSE_LINK_DENSITY) return false;
  if (s.para < PROSE_PARA * (s.text - s.link)) return false;
  return /[.!?"“”»«…]\s*$/.test(textOf(el, 5000));
}

/** True when the block's first heading announces links to other articles ("Related posts"). */
function underRelatedHeading(el: Element): boolean {
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (HEADING.test(node.name)) return RELATED_HEADING.test(textOf(node, 200));
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return false;
}

/** Siblings of one kind: the same class and id, or (split articles) mostly the same class words. */
function sameKind(a: Element, b: Element): boolean {
  const ka = classAndId(a);
  const kb = classAndId(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  // Ids are unique by design: two different ids name two different things.
  if (a.attribs.id || b.attribs.id) return false;
  const ta = new Set(ka.split(' '));
  const tb = kb.split(' ');
  const shared = tb.filter((t) => ta.has(t)).length;
  return shared / (ta.size + tb.length - shared) >= SIMILAR_CLASSES;
}

// The headline's article region must hold this many paragraphs, so a header with only a standfirst
// does not count (2, 3 and 4 tried on the trafilatura even half; below 4 the standfirst won).
const MIN_HEADLINE_PARAGRAPHS = 4;
// The candidate under the headline must score at least this share of the winner (0, 0.3 and 0.5
// tried on the even halves).
const HEADLINE_SCORE_SHARE = 0.3;

/** How many paragraphs of at least `MIN_UNIT_CHARS` are under `root`, counting up to `limit`. */
function countParagraphs(root: Element, stats: Map<Element, Stats>, limit: number): number {
  let n = 0;
  const stack: AnyNode[] = [root];
  while (stack.length && n < limit) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const s = stats.get(node);
    if (!s || s.text - s.link < MIN_UNIT_CHARS) continue;
    if (node.name === 'p') {
      n++;
      continue;
    }
    for (const c of node.children) stack.push(c);
  }
  return n;
}

/**
 * The best candidate under the page's headline when the winner lies elsewhere: pages that load the
 * next articles below the first (infinite scroll) or put a longer feature beside a short story.
 */
function followHeadline(top: Element, title: string, stats: Map<Element, Stats>, scores: Map<Element, number>): Element {
  const key = normalise(title);
  if (!key) return top;
  let headline: Element | null = null;
  for (const el of stats.keys()) {
    if (el.name === 'h1' && normalise(textOf(el, 400)) === key) {
      headline = el;
      break;
    }
  }
  if (!headline || isAncestor(top, headline)) return top;
  // The headline's article: its lowest ancestor holding some paragraph text.
  let region: AnyNode | null = headline.parent;
  while (region && isElement(region) && region.name !== 'body') {
    const s = stats.get(region);
    if (!s) return top;
    if (s.para >= MIN_MARKER_TEXT && countParagraphs(region, stats, MIN_HEADLINE_PARAGRAPHS) >= MIN_HEADLINE_PARAGRAPHS) break;
    region = region.parent;
  }
  if (!region || !isElement(region) || region.name === 'body' || isAncestor(region, top) || region === top || isAncestor(top, region)) return top;
  let pick: Element | null = null;
  let bestScore = 0;
  for (const [el, sc] of scores) {
    if (sc > bestScore && (el === region || isAncestor(region, el))) {
      pick = el;
      bestScore = sc;
    }
  }
  return pick && bestScore >= (scores.get(top) ?? 0) * HEADLINE_SCORE_SHARE ? pick : top;
}

// A body marker inside the winner replaces it when it holds at least this share of the winner's
// paragraph text: the rest is teasers and widgets around the article (tuned on aeb even half).
const BODY_MARKER_SHARE = 0.5;

/** The `<article>` or article-body element inside `top` that holds most of its paragraphs, if any. */
function descendToBody(top: Element, stats: Map<Element, Stats>): Element {
  const total = stats.get(top)!.para;
  let best: Element | null = null;
  let bestPara = 0;
  const stack: AnyNode[] = [...top.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const s = stats.get(node);
    // Nothing below a node with too little text can qualify either.
    if (!s || (s.para < total * BODY_MARKER_SHARE && s.text - s.link < MIN_MARKER_TEXT)) continue;
    const holds = s.para >= total * BODY_MARKER_SHARE;
    if (holds && (node.name === 'article' || isBodyMarker(node)) && s.para > bestPara) {
      best = node;
      bestPara = s.para;
    }
    for (const c of node.children) stack.push(c);
  }
  return best ?? top;
}

// How much more non-link text an enclosing <article> may hold than the winner and still be taken
// (its headline, standfirst and lead belong to the article; tuned on trafilatura even half).
const ARTICLE_SLACK = 1.6;
// How many levels up an enclosing <article> is looked for.
const ARTICLE_LEVELS = 4;

/** The enclosing `<article>` (or article-body element) when it adds little beyond the winner. */
function climbToArticle(top: Element, stats: Map<Element, Stats>): Element {
  const ts = stats.get(top)!;
  let node: AnyNode | null = top.parent;
  for (let level = 0; level < ARTICLE_LEVELS && node && isElement(node) && node.name !== 'body'; level++) {
    const s = stats.get(node);
    if (!s) break;
    if (node.name === 'article' || isBodyMarker(node)) {
      return s.text - s.link <= (ts.text - ts.link) * ARTICLE_SLACK ? node : top;
    }
    node = node.parent;
  }
  return top;
}

function isAncestor(anc: Element, node: AnyNode): boolean {
  let p = node.parent;
  while (p) {
    if (p === anc) return true;
    p = p.parent;
  }
  return false;
}

interface Block {
  text: string;
  link: number;
  tag: string;
}

/** Renders containers to text blocks, skipping pruned subtrees and collecting captions. */
function render(containers: AnyNode[], skip: (el: Element) => boolean, captions: string[], captionsAsText = false): Block[] {
  const blocks: Block[] = [];
  let buf: string[] = [];
  let link = 0;
  let linkDepth = 0;
  let blockTag = 'p';
  const flush = (): void => {
    if (buf.length) {
      const lines = buf.join('').split('\n').map(collapse).filter(Boolean);
      if (lines.length) blocks.push({ text: lines.join('\n'), link, tag: blockTag });
    }
    buf = [];
    link = 0;
  };
  type Frame = { node: AnyNode; exit: boolean };
  const stack: Frame[] = [];
  for (let i = containers.length - 1; i >= 0; i--) stack.push({ node: containers[i]!, exit: false });
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.type === ElementType.Text) {
      buf.push(node.data.replace(/[\s\u00a0]+/g, ' '));
      if (linkDepth) link += collapse(node.data).length;
      continue;
    }
    if (!isElement(node)) continue;
    const name = node.name;
    if (exit) {
      if (name === 'a') linkDepth--;
      if (INLINE_SEPARATORS.has(name)) buf.push(' ');
      else if (BLOCK_TAGS.has(name)) flush();
      continue;
    }
    if (skip(node)) continue;
    if (CAPTION_TAGS.has(name) && !captionsAsText) {
      addCaption(captions, textOf(node, 500));
      continue;
    }
    if (name === 'br') {
      buf.push('\n');
      continue;
    }
    if (name === 'img') continue;
    if (INLINE_SEPARATORS.has(name)) buf.push(' ');
    else if (BLOCK_TAGS.has(name)) {
      flush();
      blockTag = name;
    }
    if (name === 'a') linkDepth++;
    stack.push({ node, exit: true });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, exit: false });
  }
  flush();
  return blocks;
}

function addCaption(captions: string[], text: string): void {
  if (text && captions.length < MAX_CAPTIONS && !captions.includes(text)) captions.push(text);
}

function addRemoval(removed: Removal[], text: string, reason: RemovalReason, rule: string): void {
  if (!text || removed.length >= MAX_REMOVALS) return;
  removed.push({ text: text.length > MAX_REMOVAL_TEXT ? `${text.slice(0, MAX_REMOVAL_TEXT - 1)}…` : text, reason, rule });
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Drops link-heavy short blocks, boilerplate lines and a repeated title; returns kept blocks. */
function filterBlocks(blocks: Block[], removed: Removal[], title: string | null, captions: string[]): string[] {
  const keep: boolean[] = [];
  const titleKey = title ? normalise(title) : '';
  let keptAny = false;
  for (const b of blocks) {
    const isCaption = b.text.length < MAX_CAPTION_LINE && CAPTION_LINES.some((re) => re.test(b.text));
    if (isCaption) addCaption(captions, b.text);
    const ok: boolean = !isCaption && keepBlock(b, removed, titleKey, keptAny);
    keep.push(ok);
    keptAny ||= ok;
  }
  // Short blocks above the headline (rubric, kicker, breadcrumb) are furniture, like the headline.
  const head = blocks.findIndex((b, i) => i < HEADLINE_WINDOW && /^h[12]$/.test(b.tag) && (b.tag === 'h1' || (titleKey !== '' && normalise(b.text) === titleKey)));
  if (head >= 0) {
    let before = 0;
    for (let i = 0; i < head; i++) if (keep[i]) before += blocks[i]!.text.length;
    if (before < MAX_ABOVE_HEADLINE) {
      for (let i = 0; i <= head; i++) {
        if (!keep[i]) continue;
        keep[i] = false;
        addRemoval(removed, blocks[i]!.text, i === head ? 'repeated-title' : 'metadata', i === head ? 'headline' : 'above-headline');
      }
    }
  }
  // A heading whose section was dropped ("Related stories" over a removed link list), or that
  // ends the text, introduces boilerplate: drop it too.
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (!keep[i] || !isHeading(blocks[i]!)) continue;
    if (i === blocks.length - 1 || !keep[i + 1]) {
      keep[i] = false;
      addRemoval(removed, blocks[i]!.text, 'related-links', 'orphan-heading');
    }
  }
  // Bylines and reading-time notes open the text before its first paragraph of prose (after the
  // orphan-heading rule: a standfirst in <h2> above a byline is not an orphan).
  for (let i = 0; i < blocks.length; i++) {
    if (!keep[i]) continue;
    const t = blocks[i]!.text;
    if (t.length >= MAX_HEAD_LINE) break;
    const rule = HEAD_LINES.find((r) => r.pattern.test(t));
    // A byline has no sentence end unless it closes with a date or time ("… at 11:08 a.m.").
    if (!rule || (rule.name === 'head:byline' && /[.!?]$/.test(t) && !/\d/.test(t))) continue;
    keep[i] = false;
    addRemoval(removed, t, 'metadata', rule.name);
  }
  // Short lines that end the text without ending a sentence ("Was this article useful?", "Follow
  // us on", "Read more:") are calls to action under the article; so are closing blocks that ask
  // the reader to write, follow or subscribe, or that credit and license the text (checked from
  // the end, stopping at the first block of prose).
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (!keep[i]) continue;
    const t = blocks[i]!.text;
    if (t.length < TRAILER_CHARS && !/[.!"”»)]$/.test(t)) {
      keep[i] = false;
      addRemoval(removed, t, 'boilerplate', 'trailing-short-line');
      continue;
    }
    const cta = t.length < MAX_TRAILER_BLOCK ? TRAILER_PATTERNS.find((r) => r.pattern.test(t)) : undefined;
    if (!cta) break;
    keep[i] = false;
    addRemoval(removed, t, cta.reason, cta.name);
  }
  return blocks.filter((_, i) => keep[i]).map((b) => b.text);
}

// The headline is looked for among the first blocks only, and counts as the headline only when
// less than this much text precedes it.
const HEADLINE_WINDOW = 6;
const MAX_ABOVE_HEADLINE = 150;

// A closing line shorter than this that does not end a sentence is a call to action
// (tuned on the trafilatura even half).
const TRAILER_CHARS = 60;

// A closing call to action or credit is at most a few sentences; longer blocks are prose even if
// they mention a newsletter (tuned on the aeb and trafilatura even halves).
const MAX_TRAILER_BLOCK = 300;

// Bylines and reading-time notes are short; the first longer block is the article's prose.
const MAX_HEAD_LINE = 120;

// Titles are short; a long block equal to the title would be the whole (one-sentence) text.
const MAX_REPEAT_TITLE = 200;

// Caption lines are short; a long block that starts with "Photo:" is prose.
const MAX_CAPTION_LINE = 200;

// A line holding only a date is short; longer lines with dates are prose.
const MAX_DATE_LINE = 60;

/** True for a line that is only a date or time, e.g. "19 November 2019" or "Updated 6 Mai 2022, 05:30". */
function isDateLine(text: string): boolean {
  if (!/\d/.test(text)) return false;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.every((w) => DATE_LINE_WORDS.has(w));
}

function isHeading(b: Block): boolean {
  return /^h[1-6]$/.test(b.tag) && b.text.length < SHORT_BLOCK_CHARS;
}

function keepBlock(b: Block, removed: Removal[], titleKey: string, keptAny: boolean): boolean {
  const len = b.text.length;
  if (len > 0 && len < SHORT_BLOCK_CHARS && b.link / len > MAX_LINK_DENSITY) {
    addRemoval(removed, b.text, b.tag === 'li' ? 'related-links' : 'navigation', 'link-density');
    return false;
  }
  if (len < MAX_DATE_LINE && isDateLine(b.text)) {
    addRemoval(removed, b.text, 'metadata', 'date-line');
    return false;
  }
  if (len < 100) {
    const line = BOILERPLATE_LINES.find((l) => l.pattern.test(b.text));
    if (line) {
      addRemoval(removed, b.text, line.reason, line.name);
      return false;
    }
  }
  if (titleKey && !keptAny && /^h[1-6]$/.test(b.tag) && normalise(b.text) === titleKey) {
    addRemoval(removed, b.text, 'repeated-title', 'heading-equals-title');
    return false;
  }
  // A plain line repeating the title inside the text is a gallery overlay or a share card (a
  // repeated heading there is a section title, and stays).
  if (titleKey && keptAny && !/^h[1-6]$/.test(b.tag) && len < MAX_REPEAT_TITLE && normalise(b.text) === titleKey) {
    addRemoval(removed, b.text, 'repeated-title', 'line-equals-title');
    return false;
  }
  return true;
}

/** The cascade's result for one container choice. */
function extractWith(
  stats: Map<Element, Stats>,
  skip: (el: Element) => boolean,
  title: string | null,
  captionsAsText = false,
): { blocks: string[]; removed: Removal[]; captions: string[] } {
  let containers = pickContainers(stats, title);
  const removed: Removal[] = [];
  const captions: string[] = [];
  if (!containers.length) return { blocks: [], removed, captions };
  if (captionsAsText) containers = widenToCaptions(containers, stats);
  const blocks = filterBlocks(render(containers, skip, captions, captionsAsText), removed, title, captions);
  return { blocks, removed, captions };
}

function lengthOf(blocks: string[]): number {
  let n = 0;
  for (const b of blocks) n += b.length;
  return n;
}

/** Extracts the article body from a parsed page. */
export function extractContent(document: Document, options: ContentOptions = {}): ContentResult {
  const title = options.title ?? null;
  const body = findBody(document);
  const base = measure(body, hardSkip);
  const pruned = pruneByRules(body, base);
  const strictSkip = (el: Element): boolean => hardSkip(el) || pruned.has(el);
  const strictStats = measure(body, strictSkip);

  const removed: Removal[] = [];
  const captions: string[] = [];
  for (const [el, info] of pruned) {
    if (info.reason === 'caption') addCaption(captions, textOf(el, 500));
    else addRemoval(removed, textOf(el, MAX_REMOVAL_TEXT), info.reason, info.rule);
  }

  // Step 1: scored container over the strictly pruned tree.
  let strategy: ContentResult['strategy'] = 'scored';
  let result = extractWith(strictStats, strictSkip, title);
  // Step 1b: a gallery or listicle tells its story in captions; when they hold much more text than
  // the body found, score again with captions counted as text.
  const captionText = captionChars(body, base, pruned);
  if (captionText >= MIN_GALLERY_CHARS && captionText > lengthOf(result.blocks) * GALLERY_RATIO) {
    const galleryPruned = pruneByRules(body, base, true);
    const gallerySkip = (el: Element): boolean => hardSkip(el) || galleryPruned.has(el);
    const gallery = extractWith(measure(body, gallerySkip), gallerySkip, title, true);
    if (lengthOf(gallery.blocks) > lengthOf(result.blocks) * FALLBACK_GAIN) result = gallery;
  }
  // Step 2: same scoring with tag-level pruning only (class words can be wrong on some sites).
  if (lengthOf(result.blocks) < MIN_TEXT_CHARS) {
    const lenient = extractWith(base, hardSkip, title);
    if (lengthOf(lenient.blocks) > Math.max(lengthOf(result.blocks) * FALLBACK_GAIN, 1)) {
      result = lenient;
      strategy = 'scored-lenient';
    }
  }
  const whole: AnyNode[] = isElement(body as AnyNode) ? [body as Element] : body.children;
  // Step 3: every paragraph of the pruned page that is not link-heavy (jusText-like).
  if (lengthOf(result.blocks) < MIN_TEXT_CHARS) {
    const caps: string[] = [];
    const rem: Removal[] = [];
    const blocks = filterBlocks(render(whole, strictSkip, caps), rem, title, caps);
    if (lengthOf(blocks) > Math.max(lengthOf(result.blocks) * FALLBACK_GAIN, 1)) {
      result = { blocks, removed: rem, captions: caps };
      strategy = 'paragraphs';
    }
  }
  // Step 4: all visible text (scripts and hidden elements still left out), when nothing else found anything.
  if (lengthOf(result.blocks) === 0) {
    const caps: string[] = [];
    const blocks = render(whole, hardSkip, caps).map((b) => b.text);
    if (blocks.length) {
      result = { blocks, removed: [], captions: caps };
      strategy = 'all-text';
    }
  }
  for (const r of result.removed) addRemoval(removed, r.text, r.reason, r.rule ?? 'filter');
  for (const c of result.captions) addCaption(captions, c);
  const text = result.blocks.join('\n\n');
  return { text, captions, removed, strategy: text ? strategy : 'empty' };
}

// A page is a gallery when its captions hold at least this much text and this many times the text
// of the body found (ratios 1, 2 and 4 gave the same result on the even halves).
const MIN_GALLERY_CHARS = 1000;
const GALLERY_RATIO = 2;

/** Text in `<figcaption>` elements under `root` (scripts and pruned parts excluded by `stats`). */
function figcaptionText(root: Element, stats: Map<Element, Stats>): number {
  let n = 0;
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const s = stats.get(node);
    if (!s) continue;
    if (CAPTION_TAGS.has(node.name)) n += s.text - s.link;
    else for (const c of node.children) stack.push(c);
  }
  return n;
}

/** On a gallery page, the ancestor of the chosen container that also holds most of the captions. */
function widenToCaptions(containers: Element[], stats: Map<Element, Stats>): Element[] {
  let total = 0;
  for (const [el, s] of stats) if (CAPTION_TAGS.has(el.name)) total += s.text - s.link;
  let held = 0;
  for (const c of containers) held += figcaptionText(c, stats);
  if (held * 2 >= total) return containers;
  let node: AnyNode | null = containers[0]!.parent;
  while (node && isElement(node) && node.name !== 'body' && stats.has(node)) {
    if (figcaptionText(node, stats) * 2 >= total) return [node];
    node = node.parent;
  }
  return containers;
}

/** Text in figure captions and caption-classed elements of the page, outermost ones only. */
function captionChars(body: Element | Document, base: Map<Element, Stats>, pruned: Skip): number {
  let n = 0;
  const stack: AnyNode[] = [...body.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const s = base.get(node);
    if (!s) continue;
    const info = pruned.get(node);
    if (CAPTION_TAGS.has(node.name) || info?.reason === 'caption') {
      n += s.text - s.link;
      continue;
    }
    if (info) continue;
    for (const c of node.children) stack.push(c);
  }
  return n;
}

function findBody(document: Document): Element | Document {
  const stack: AnyNode[] = [document];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node) && node.name === 'body') return node;
    // <body> sits at most a few levels down; do not search the whole tree for it.
    if (isElement(node) && node.name !== 'html') continue;
    const children = (node as Element).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return document;
}
