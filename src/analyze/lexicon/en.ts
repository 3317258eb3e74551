import type { LanguageLexicon } from './types.js';

/** English. Its dates are read by the time tagger's own rules (`analyze/time/timex.ts`). */
export const en: LanguageLexicon = {
  code: 'en',
  stopwords: `a an the and or but if of to in on at by for with from as into about over after before between
    through during without under than then so not no nor is are was were be been being am has have had
    do does did will would shall should can could may might must this that these those it its he him
    his she her they them their we us our you your i me my who whom which what when where why how
    there here also just only very more most such other some any each all both out up down off again
    further once while because until against said says one two new like`,
  dates: null,
};
