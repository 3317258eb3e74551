import type { LanguageLexicon } from './types.js';

/** Spanish. "mañana" is also the morning ("esta mañana", "por la mañana"). */
export const es: LanguageLexicon = {
  code: 'es',
  stopwords: `el la los las un una unos unas y o pero si de del a al en con por para sin sobre entre desde
    hasta según es son era eran fue fueron ser sido está están estaba ha han había haber no ni que qué
    como cuando donde quien cual lo le les se su sus mi mis tu tus nos este esta estos estas ese esa
    eso esos esas también ya muy más menos todo todos toda todas otro otra hay porque pues sí`,
  dates: {
    weekdays: ['lunes', 'martes', 'miércoles|miercoles', 'jueves', 'viernes', 'sábado|sabado', 'domingo'],
    days: ['anteayer|antier|antes de ayer', 'ayer', 'hoy', 'mañana', 'pasado mañana'],
    units: { week: 'semana', month: 'mes', year: 'año' },
    before: { last: 'pasado|pasada', next: 'próximo|próxima|proximo|proxima', this: 'este|esta' },
    after: { last: 'pasado|pasada', next: 'próximo|próxima|que viene' },
    tense: {
      future: String.raw`\p{L}+(?:rá|rán|ré)|va a|van a|prevé|prevén|previsto|prevista`,
      past: String.raw`\p{L}+(?:ó|aron|ieron)|dijo|fue|fueron|hizo|tuvo|estuvo|era|eran|había|habían|(?:ha|han)\s+\p{L}+(?:ado|ido|cho|to)`,
      datedNoun: String.raw`del`,
    },
    ago: {
      before: 'hace', day: 'día|días|dia|dias', week: 'semana|semanas', month: 'mes|meses', year: 'año|años',
      numbers: ['un|una|uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'],
    },
    notAfter: 'la|esta|una|cada|esa|toda|media',
  },
};
