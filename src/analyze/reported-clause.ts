/**
 * The bounds of a reported clause: what the speaker is reported to have said, without the
 * narrator's words around it. Precision first: a trailing comment the outlet may have added is cut,
 * since a quote that puts the outlet's words in a speaker's mouth is worse than a shorter one.
 */

export type Span = [number, number];

// Trailing commentary after a comma, running to the end of the clause. Each is the narrator's:
const TRAILING_COMMENTS: RegExp[] = [
  // a nested attribution names another voice ("…, according to diplomats");
  /,\s+according to\b/iu,
  // an appositive comment on the whole report ("…, a move that angered Kyiv");
  /,\s+(?:in\s+)?an?\s+(?:move|step|decision|development|sign|claim|statement|announcement|remark|comment)s?\s+(?:that|which)\b/iu,
  // a comparison with earlier reports is the outlet's bookkeeping ("…, larger than first reported");
  /,\s+[\p{L}-]+\s+than\s+(?:first|previously|initially|originally|earlier)\s+(?:reported|announced|thought|stated|estimated)\b/iu,
  // a contrast with another source's figure ("…, not the 15 percent claimed by the ministry");
  /,\s+not\s+(?:the|a|an)\s+[^,]*?\b(?:claimed|reported|announced|stated|given)\s+by\b/iu,
  // a circumstance the outlet adds ("…, as talks stall", "…, amid protests").
  /,\s+(?:as|amid)\s+(?![^,]*,)/iu,
  // a second reporting participle opens another quote ("…, adding that imports fell");
  /,\s+(?:and\s+)?(?:saying|adding|noting|stating|telling|insisting|warning|arguing|claiming|confirming|indicating|explaining)\b/iu,
  // a non-restrictive relative clause running to the end: whose words it is cannot be told
  // ("…, which has aroused widespread concern", "…, which will take place in July").
  /,\s+(?:which|who|whom|whose|where)\s+(?![^,]*,)/iu,
];

// A reaction to the report is a comment on it even when more follows ("…, which drew criticism, …").
const REACTION = /,\s+which\s+(?:has\s+|have\s+|had\s+)?(?:aroused|sparked|prompted|drew|drawn|triggered|caused|raised|provoked|fuelled|fueled|angered|alarmed|surprised)\b/iu;

// A wire dateline opening the clause: "PORT ALMERA, April 2 (CPA) - ".
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]+,\s+\p{Lu}\p{Ll}+\.?\s+\d{1,2}\s+\([^)]{1,30}\)\s+[-–—]\s+/u;

const EDGE_LEFT = /[\s,;:]/u;
const EDGE_RIGHT = /[\s,;:.!?]/u;

/** Quoted spans (inside the marks) of a text, one-word ones too. */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/“([^”\n]{1,600})”|"([^"\n]{1,600})"|«([^»\n]{1,600})»/gu)) out.push([m.index + 1, m.index + m[0].length - 1]);
  return out;
}

/**
 * The reported clause in `text[start, end)`: dateline and trailing commentary cut, edges trimmed
 * (a closing quotation mark stays when the clause ends on a quoted fragment).
 */
export function reportedClause(text: string, start: number, end: number): Span {
  let s = start;
  const dateline = DATELINE.exec(text.slice(s, end));
  if (dateline) s += dateline[0].length;
  let e = end;
  const clause = text.slice(s, e);
  const reaction = REACTION.exec(clause);
  if (reaction) e = s + reaction.index;
  for (const re of TRAILING_COMMENTS) {
    const m = re.exec(text.slice(s, e));
    if (m) e = s + m.index;
  }
  while (s < e && EDGE_LEFT.test(text[s]!)) s++;
  while (e > s && EDGE_RIGHT.test(text[e - 1]!)) e--;
  return [s, e];
}

/** The quoted fragments inside `[start, end)`: the words of the clause that are verbatim. */
export function verbatimWithin(quoted: readonly Span[], start: number, end: number): Span[] {
  return quoted.filter(([a, b]) => a >= start && b <= end);
}
