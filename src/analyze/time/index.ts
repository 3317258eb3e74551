// PLACEHOLDER — the time-expression helper replaces this file.
import type { DateEvidence } from '../../model/index.js';

export interface InferredDate {
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month can be inferred. */
  date: string;
  evidence: DateEvidence[];
}

/** The most likely publication date of an undated article, from its own text. */
export function inferPublicationDate(_text: string): InferredDate | null {
  return null;
}
