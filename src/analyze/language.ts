// PLACEHOLDER — the language helper replaces this file.
/** ISO 639-1 code of the text's language, or null when unknown. */
export function detectLanguage(_text: string): string | null {
  return null;
}
