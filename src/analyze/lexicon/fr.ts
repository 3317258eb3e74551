import type { LanguageLexicon } from './types.js';

/** French. "dernier" before a noun is "the final one" ("le dernier vendredi du mois"), so only after it. */
export const fr: LanguageLexicon = {
  code: 'fr',
  stopwords: `le la les un une des du de d l et ou mais si à au aux en dans sur sous avec pour par sans entre
    chez vers est sont était étaient été être a ont avait avoir fait ne pas plus que qui quoi quand
    comme où dont ce cet cette ces il elle ils elles on nous vous je tu se sa son ses leur leurs notre
    nos votre vos mon ma mes aussi très tout tous toute toutes autre même y lui`,
  dates: {
    weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    days: ['avant-hier', 'hier', "aujourd'hui|aujourd’hui", 'demain', 'après-demain'],
    units: { week: 'semaine', month: 'mois', year: 'an|année' },
    before: { this: 'ce|cet|cette' },
    after: { last: 'dernier|dernière|passé|passée', next: 'prochain|prochaine' },
    tense: {
      future: String.raw`\p{L}+(?:era|ront|iendra|endra|audra|oudra)|aura|ira|pourra|verra|devra|va|vont|doit|doivent|devrait|devraient|prévu|prévue|prévus`,
      past: String.raw`(?:a|ont|avait|avaient|est|sont|était|étaient)\s+(?:\p{L}+\s+)?\p{L}+(?:é|ée|és|ées|i|is|it|u|ue|us)|fut|furent`,
      datedNoun: String.raw`du`,
    },
    ago: {
      before: 'il y a', day: 'jour|jours', week: 'semaine|semaines', month: 'mois', year: 'an|ans|année|années',
      numbers: ['un|une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'],
    },
  },
};
