/**
 * Every language with word lists of its own, one module each (`en.ts`, `de.ts`, …): the main
 * languages of news in Europe and around it. A new language is a new module added here.
 */
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fi } from './fi.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { sv } from './sv.js';
import { tr } from './tr.js';
import type { LanguageLexicon } from './types.js';

export const LEXICONS: Readonly<Record<string, LanguageLexicon>> = Object.fromEntries(
  [en, de, fr, es, it, pt, nl, pl, sv, fi, tr, ru].map((l) => [l.code, l]),
);

/** ISO 639-1 codes of the languages with lists. */
export const LEXICON_LANGUAGES: readonly string[] = Object.keys(LEXICONS);
