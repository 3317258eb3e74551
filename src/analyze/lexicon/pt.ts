import type { LanguageLexicon } from './types.js';

/** Portuguese. Bare "segunda", "quarta", "quinta" are ordinals: weekdays only with "-feira". */
export const pt: LanguageLexicon = {
  code: 'pt',
  stopwords: `o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para
    com sem sobre entre até desde e ou mas se que quem qual como quando onde porque não nem também já
    muito mais menos só ainda é são era eram foi foram ser sido está estão estava ter tem têm tinha
    há ao aos à às este esta estes estas esse essa isso isto aquele aquela seu sua seus suas ele ela
    eles elas nós eu você lhe num numa todo todos toda todas outro outra outros mesmo cada após disse`,
  dates: {
    weekdays: ['segunda-feira', 'terça-feira|terca-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado|sabado', 'domingo'],
    days: ['anteontem', 'ontem', 'hoje', 'amanhã|amanha', 'depois de amanhã'],
    units: { week: 'semana', month: 'mês|mes', year: 'ano' },
    before: { next: 'próximo|próxima|proximo|proxima', this: 'este|esta|neste|nesta' },
    after: { last: 'passado|passada', next: 'que vem' },
    tense: {
      future: String.raw`\p{L}+(?:rá|rão|rei)|vai|vão|deve|devem|prevê|previsto|prevista`,
      past: String.raw`(?!(?:sou|vou|dou|estou)(?![\p{L}]))\p{L}+(?:ou|aram|eram|iram)|disse|fez|foi|foram|teve|esteve|era|tinha|tinham`,
      datedNoun: String.raw`do|da`,
    },
    ago: {
      before: 'há', after: 'atrás', day: 'dia|dias', week: 'semana|semanas', month: 'mês|meses', year: 'ano|anos',
      numbers: ['um|uma', 'dois|duas', 'três|tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez'],
    },
  },
};
