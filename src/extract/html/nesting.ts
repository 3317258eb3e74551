/**
 * A guard against pathologically nested markup. htmlparser2 keeps its open-element stack in an
 * array it shifts and unshifts at the front, so each tag costs time in proportion to the depth:
 * 100k nested `<div>`s take many seconds. Pages nested deeper than `MAX_NESTING` have their
 * deepest tags dropped (their text stays) before parsing, in one linear pass.
 */

// Real pages stay far below this (the deepest of the aeb and trafilatura dev pages counts 548,
// from unclosed inline tags); at 3000 levels the parser's own cost is still negligible.
export const MAX_NESTING = 3000;

// Elements that never take a closing tag, or whose closing tag is implied by the next one of their
// kind (sloppy pages leave hundreds of <p> and <li> open), so they add no depth.
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen',
  'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp',
]);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/g;

/** The HTML with tags beyond `maxDepth` levels of nesting removed; unchanged when shallower. */
export function capNesting(html: string, maxDepth = MAX_NESTING): string {
  if (!exceeds(html, maxDepth)) return html;
  const out: string[] = [];
  let last = 0;
  let depth = 0;
  TAG.lastIndex = 0;
  const scan = taggable(html);
  for (let m = TAG.exec(scan); m; m = TAG.exec(scan)) {
    const [whole, close, name, selfClose] = m;
    if (VOID.has(name!.toLowerCase()) || selfClose) continue;
    if (close) {
      if (depth > maxDepth) {
        out.push(html.slice(last, m.index), ' ');
        last = m.index + whole.length;
      }
      depth = Math.max(0, depth - 1);
    } else {
      depth++;
      if (depth > maxDepth) {
        out.push(html.slice(last, m.index), ' ');
        last = m.index + whole.length;
      }
    }
  }
  out.push(html.slice(last));
  return out.join('');
}

/**
 * The part of the HTML that can hold a whole tag: up to its last `>`. TAG fails from a `<` only when
 * no `>` follows, and then only after scanning to the end, once per `<` (reason: `<a ` repeated with
 * no `>` took 6 s for 100 kB); cut at the last `>`, every `<a` attempt ends at the next `>`.
 */
function taggable(html: string): string {
  return html.slice(0, html.lastIndexOf('>') + 1);
}

function exceeds(html: string, maxDepth: number): boolean {
  let depth = 0;
  TAG.lastIndex = 0;
  const scan = taggable(html);
  for (let m = TAG.exec(scan); m; m = TAG.exec(scan)) {
    if (VOID.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > maxDepth) return true;
  }
  return false;
}
