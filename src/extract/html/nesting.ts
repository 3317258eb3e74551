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
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
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

function exceeds(html: string, maxDepth: number): boolean {
  let depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (VOID.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > maxDepth) return true;
  }
  return false;
}
