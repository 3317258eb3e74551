// PLACEHOLDER — the plain-text cleaning helper replaces this file.
import type { CleanedFields } from '../../model/index.js';

export function cleanPlainText(text: string): CleanedFields {
  return { url: null, title: null, text: text.trim(), published: null, publishedFrom: null, modified: null, author: null, outlet: null, captions: [], removed: [] };
}
