/**
 * Language-identification evaluation on the TurkuNLP line sets (language known per file: en, de,
 * es, fi, fr, sv): whole documents (the lines labelled main text, joined) and short inputs (single
 * main-text lines of at least 20 characters, an evenly spaced sample per language).
 */
import { franc } from 'franc';
import { detectLanguage } from '../../src/analyze/language.js';
import { LINE_SETS, loadLineSet } from './plaintext.js';

export interface LangSample {
  lang: string;
  text: string;
}

export interface LangScores {
  n: number;
  accuracy: number;
  perLanguage: Record<string, number>;
  textsPerSecond: number;
}

export type LanguageDetector = (text: string) => string | null;

/** Documents (≥ 50 characters of main text) and short lines (≥ 20 characters) per language. */
export function loadLanguageSamples(shared: string, linesPerLanguage: number): { docs: LangSample[]; lines: LangSample[] } {
  const docs: LangSample[] = [];
  const byLang = new Map<string, string[]>();
  for (const { lang, split } of LINE_SETS) {
    const set = loadLineSet(shared, lang, split);
    if (!set) continue;
    for (const doc of set) {
      const main = doc.text.filter((_, i) => doc.labels[i] === '1');
      const text = main.join('\n');
      if (text.length >= 50) docs.push({ lang, text });
      const pool = byLang.get(lang) ?? byLang.set(lang, []).get(lang)!;
      for (const l of main) if (l.trim().length >= 20) pool.push(l.trim());
    }
  }
  const lines: LangSample[] = [];
  for (const [lang, pool] of byLang) {
    // Evenly spaced, so the sample is fixed and spans every file of the language.
    const step = Math.max(1, Math.floor(pool.length / linesPerLanguage));
    for (let i = 0; i < pool.length && lines.filter((s) => s.lang === lang).length < linesPerLanguage; i += step) lines.push({ lang, text: pool[i]! });
  }
  return { docs, lines };
}

export function scoreLanguage(samples: readonly LangSample[], detect: LanguageDetector): LangScores {
  const per = new Map<string, [number, number]>();
  let ok = 0;
  const t0 = performance.now();
  for (const s of samples) {
    const hit = detect(s.text) === s.lang;
    if (hit) ok++;
    const p = per.get(s.lang) ?? [0, 0];
    per.set(s.lang, [p[0] + (hit ? 1 : 0), p[1] + 1]);
  }
  const ms = performance.now() - t0;
  return {
    n: samples.length,
    accuracy: samples.length ? ok / samples.length : 0,
    perLanguage: Object.fromEntries([...per].map(([l, [a, b]]) => [l, a / b])),
    textsPerSecond: ms > 0 ? (samples.length / ms) * 1000 : 0,
  };
}

const ISO3_TO_1: Record<string, string> = { eng: 'en', deu: 'de', spa: 'es', fin: 'fi', fra: 'fr', swe: 'sv', nld: 'nl', ita: 'it', por: 'pt', rus: 'ru', dan: 'da', nob: 'no', nno: 'no', pol: 'pl', tur: 'tr' };

/** Baseline: franc (ISO 639-3, mapped to 639-1; 'und' and unmapped codes count as misses). */
export const francDetector: LanguageDetector = (text) => ISO3_TO_1[franc(text, { minLength: 3 })] ?? null;

export const storylineDetector: LanguageDetector = detectLanguage;
