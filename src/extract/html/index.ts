// PLACEHOLDER — the HTML extraction helper replaces this file.
import type { CleanedFields } from '../../model/index.js';

export interface HtmlExtractOptions {
  /** The URL the page was fetched from, when known (for relative canonical links and URL dates). */
  url?: string | null;
}

export function extractHtml(html: string, options: HtmlExtractOptions = {}): CleanedFields {
  const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return { url: options.url ?? null, title: null, text, published: null, publishedFrom: null, modified: null, author: null, outlet: null, captions: [], removed: [] };
}
