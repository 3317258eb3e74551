/**
 * `<![CDATA[` in HTML content is no CDATA section: browsers read it as a bogus comment that ends
 * at the first `>` (HTML5 parsing, "bogus comment state"). htmlparser2 instead skips everything to
 * the next `]]>`, so one stray `<![CDATA[` in a page body (a forum template left it after `<body>`)
 * swallows the whole page. Before parsing, such markers are dropped the way a browser drops them;
 * inside `<script>` and `<style>` they are text and stay (`//<![CDATA[` wrappers of inline JSON-LD).
 */

const CDATA_OUTSIDE_RAW_TEXT = /(<(script|style)\b[\s\S]*?<\/\2\s*>)|<!\[CDATA\[[^>]*>/gi;

/** The HTML with every `<![CDATA[…>` outside script and style removed, as a browser's parser does. */
export function dropBogusCdata(html: string): string {
  if (!html.includes('<![CDATA[')) return html;
  return html.replace(CDATA_OUTSIDE_RAW_TEXT, (match: string, rawText: string | undefined) => rawText ?? '');
}
