/**
 * Small, iterative helpers over a domhandler tree. Nothing here recurses, so a page of 100k nested
 * elements costs time in proportion to its size and never overflows the stack.
 */
import { ElementType } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';

/** True for element nodes (tags, scripts and styles). */
export function isElement(node: AnyNode): node is Element {
  return node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
}

/** Every element under `root` in document order; `skip` prunes an element and its subtree. */
export function elementsInOrder(root: Document | Element, skip?: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (skip?.(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Whitespace-collapsed text of a subtree (iterative), capped at `max` characters. */
export function textOf(root: AnyNode, max = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  const stack: AnyNode[] = [root];
  while (stack.length && length < max) {
    const node = stack.pop()!;
    if (node.type === ElementType.Text) {
      parts.push(node.data);
      length += node.data.length;
      continue;
    }
    if (isElement(node)) {
      if (node.name === 'script' || node.name === 'style') continue;
      if (node.name === 'br' || node.name === 'p' || node.name === 'div' || node.name === 'li') parts.push(' ');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    } else if (node.type === ElementType.Root) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  const text = collapse(parts.join(''));
  return text.length > max ? text.slice(0, max) : text;
}

/** Collapses runs of white space (including non-breaking spaces) to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

// Class tokens that describe a state or a taxonomy rather than the element's role: "has-sidebar",
// "is-sticky", "no-promo", "hide-for-print", and WordPress's "category-kommentar", "tag-social-media".
const NOT_A_ROLE = /^(?:has|is|with|no|not|js|hide|show|visible|hidden|category|tag|post-tag|format|status|type)[-_]/;

/** The element's class and id, lower-cased, for pattern tests (state and taxonomy tokens left out). */
export function classAndId(el: Element): string {
  const cls = el.attribs.class;
  const id = el.attribs.id ?? '';
  if (!cls && !id) return '';
  const tokens = cls ? cls.toLowerCase().split(/\s+/).filter((t) => t && !NOT_A_ROLE.test(t)) : [];
  return `${tokens.join(' ')} ${id.toLowerCase()}`.trim();
}
