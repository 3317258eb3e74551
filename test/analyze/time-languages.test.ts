/**
 * The time tagger in every language with date words: invented news sentences with a weekday "last",
 * yesterday, tomorrow, a relative year and a full date. The publication day is Friday 2011-01-28,
 * so "last Friday" is a week back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTimexes } from '../../src/analyze/time/index.js';

const DCT = '2011-01-28';
/** The same five dates in every sentence below, in the order they are written. */
const Y = '2011-01-27', LAST_FRIDAY = '2011-01-21', TOMORROW = '2011-01-29', LAST_YEAR = '2010', MARCH_3 = '2010-03-03';

const CASES: Record<string, { text: string; want: [string, string][] }> = {
  it: {
    text: "Il ministro ha detto ieri che i colloqui sospesi venerdì scorso riprenderanno domani; l'anno scorso l'accordo fu firmato il 3 marzo 2010.",
    want: [['ieri', Y], ['venerdì scorso', LAST_FRIDAY], ['domani', TOMORROW], ['anno scorso', LAST_YEAR], ['3 marzo 2010', MARCH_3]],
  },
  es: {
    text: 'El ministro dijo ayer que las conversaciones suspendidas el viernes pasado se reanudarán mañana; el año pasado el acuerdo se firmó el 3 de marzo de 2010.',
    want: [['ayer', Y], ['viernes pasado', LAST_FRIDAY], ['mañana', TOMORROW], ['año pasado', LAST_YEAR], ['3 de marzo de 2010', MARCH_3]],
  },
  fr: {
    text: "Le ministre a déclaré hier que les pourparlers suspendus vendredi dernier reprendront demain ; l'an dernier, l'accord avait été signé le 3 mars 2010.",
    want: [['hier', Y], ['vendredi dernier', LAST_FRIDAY], ['demain', TOMORROW], ['an dernier', LAST_YEAR], ['3 mars 2010', MARCH_3]],
  },
  de: {
    text: 'Der Minister sagte gestern, die am letzten Freitag unterbrochenen Gespräche würden morgen fortgesetzt; letztes Jahr wurde das Abkommen am 3. März 2010 unterzeichnet.',
    want: [['gestern', Y], ['letzten Freitag', LAST_FRIDAY], ['morgen', TOMORROW], ['letztes Jahr', LAST_YEAR], ['3. März 2010', MARCH_3]],
  },
  pt: {
    text: 'O ministro disse ontem que as conversações suspensas na sexta-feira passada serão retomadas amanhã; no ano passado, o acordo foi assinado em 3 de março de 2010.',
    want: [['ontem', Y], ['sexta-feira passada', LAST_FRIDAY], ['amanhã', TOMORROW], ['ano passado', LAST_YEAR], ['3 de março de 2010', MARCH_3]],
  },
  nl: {
    text: 'De minister zei gisteren dat de afgelopen vrijdag onderbroken gesprekken morgen worden hervat; vorig jaar werd het akkoord op 3 maart 2010 getekend.',
    want: [['gisteren', Y], ['afgelopen vrijdag', LAST_FRIDAY], ['morgen', TOMORROW], ['vorig jaar', LAST_YEAR], ['3 maart 2010', MARCH_3]],
  },
  pl: {
    text: 'Minister powiedział wczoraj, że rozmowy przerwane w zeszły piątek zostaną wznowione jutro, a w zeszłym roku porozumienie podpisano 3 marca 2010.',
    want: [['wczoraj', Y], ['zeszły piątek', LAST_FRIDAY], ['jutro', TOMORROW], ['zeszłym roku', LAST_YEAR], ['3 marca 2010', MARCH_3]],
  },
  sv: {
    text: 'Ministern sade i går att samtalen som avbröts förra fredagen återupptas i morgon, och förra året undertecknades avtalet den 3 mars 2010.',
    want: [['i går', Y], ['förra fredagen', LAST_FRIDAY], ['i morgon', TOMORROW], ['förra året', LAST_YEAR], ['3 mars 2010', MARCH_3]],
  },
  fi: {
    text: 'Ministeri sanoi eilen, että viime perjantaina keskeytetyt neuvottelut jatkuvat huomenna, ja viime vuonna sopimus allekirjoitettiin 3. maaliskuuta 2010.',
    want: [['eilen', Y], ['viime perjantaina', LAST_FRIDAY], ['huomenna', TOMORROW], ['viime vuonna', LAST_YEAR], ['3. maaliskuuta 2010', MARCH_3]],
  },
  tr: {
    text: 'Bakan dün yaptığı açıklamada geçen cuma ertelenen görüşmelerin yarın yeniden başlayacağını söyledi; geçen yıl anlaşma 3 Mart 2010 tarihinde imzalanmıştı.',
    want: [['dün', Y], ['geçen cuma', LAST_FRIDAY], ['yarın', TOMORROW], ['geçen yıl', LAST_YEAR], ['3 Mart 2010', MARCH_3]],
  },
  ru: {
    text: 'Министр вчера заявил, что переговоры, прерванные в прошлую пятницу, возобновятся завтра, а в прошлом году соглашение было подписано 3 марта 2010 года.',
    want: [['вчера', Y], ['прошлую пятницу', LAST_FRIDAY], ['завтра', TOMORROW], ['прошлом году', LAST_YEAR], ['3 марта 2010', MARCH_3]],
  },
};

const found = (text: string, language?: string | null): [string, string][] =>
  findTimexes(text, { dct: DCT, ...(language !== undefined ? { language } : {}) }).map((t) => [t.text, t.value]);

for (const [lang, c] of Object.entries(CASES)) {
  test(`${lang}: yesterday, last Friday, tomorrow, last year and a full date`, () => {
    assert.deepEqual(found(c.text, lang), c.want);
  });
}

test('the language is detected when not given: "25 gennaio" without a year, "la settimana prossima"', () => {
  const text = 'Il governo presenterà il piano la settimana prossima, dopo il vertice del 25 gennaio con le regioni e i sindacati.';
  assert.deepEqual(found(text), [['settimana prossima', '2011-W05'], ['25 gennaio', '2011-01-25']]);
});

test('a weekday written with its date is one expression: "vendredi 21 janvier"', () => {
  assert.deepEqual(found('Les manifestants se sont réunis vendredi 21 janvier devant la préfecture.', 'fr'), [['vendredi 21 janvier', LAST_FRIDAY]]);
});

test('words that are dates in one language are not in another: German "hier", "Morgen", Spanish "la mañana"', () => {
  assert.deepEqual(found('Wir sind hier, sagte er am Morgen.', 'de'), []);
  assert.deepEqual(found('Wir sind hier, sagte er am Morgen.', null), []);
  assert.deepEqual(found('Los vecinos protestaron durante toda la mañana frente al ayuntamiento.', 'es'), []);
});

test('a month alone is not read as a date outside a full date ("Mai" is a name too)', () => {
  assert.deepEqual(found('Der Sänger Mai trat gestern auf.', 'de'), [['gestern', Y]]);
});

test('"ago" in each language: a count of days, weeks, months or years back', () => {
  const cases: [string, string, [string, string][]][] = [
    ['it', "L'incidente è avvenuto tre giorni fa, un anno fa il ponte era stato chiuso.", [['tre giorni fa', '2011-01-25'], ['un anno fa', '2010']]],
    ['es', 'La huelga empezó hace dos semanas en el puerto.', [['hace dos semanas', '2011-01-14']]],
    ['fr', 'La grève a commencé il y a deux mois au port.', [['il y a deux mois', '2010-11']]],
    ['de', 'Der Streik begann vor einem Jahr, die Klagen vor Jahren.', [['vor einem Jahr', '2010']]],
    ['pt', 'A greve começou há três dias no porto.', [['há três dias', '2011-01-25']]],
    ['nl', 'De staking begon twee weken geleden in de haven.', [['twee weken geleden', '2011-01-14']]],
    ['pl', 'Strajk zaczął się rok temu w porcie.', [['rok temu', '2010']]],
    ['sv', 'Strejken började för två år sedan i hamnen.', [['två år sedan', '2009']]],
    ['fi', 'Lakko alkoi kaksi päivää sitten satamassa.', [['kaksi päivää sitten', '2011-01-26']]],
    ['ru', 'Забастовка началась два месяца назад в порту.', [['два месяца назад', '2010-11']]],
  ];
  for (const [lang, text, want] of cases) assert.deepEqual(found(text, lang), want, lang);
});

test('the tense of the sentence in its own language: a bare weekday or date points forward in a future sentence', () => {
  // Friday 2011-01-28: "venerdì" in a future sentence is the day itself or after; in a past one, before.
  const cases: [string, string, [string, string][]][] = [
    ['it', 'Il vertice si terrà sabato a Bruxelles.', [['sabato', '2011-01-29']]],
    ['it', 'Il vertice si è svolto giovedì a Bruxelles.', [['giovedì', '2011-01-27']]],
    ['it', 'Però il ministro ha parlato sabato.', [['sabato', '2011-01-22']]],
    ['es', 'La cumbre se celebrará el lunes en Bruselas.', [['lunes', '2011-01-31']]],
    ['es', 'La cumbre se celebró el lunes en Bruselas.', [['lunes', '2011-01-24']]],
    ['fr', 'Le sommet aura lieu le 3 février à Bruxelles.', [['3 février', '2011-02-03']]],
    ['fr', 'Le sommet a eu lieu le 3 janvier à Bruxelles.', [['3 janvier', '2011-01-03']]],
    ['de', 'Der Gipfel soll am Montag in Brüssel stattfinden.', [['Montag', '2011-01-31']]],
    ['pl', 'Szczyt odbędzie się w poniedziałek w Brukseli.', [['poniedziałek', '2011-01-31']]],
    ['ru', 'Саммит состоится в понедельник в Брюсселе.', [['понедельник', '2011-01-31']]],
    ['ru', 'Саммит прошел в понедельник в Брюсселе.', [['понедельник', '2011-01-24']]],
  ];
  for (const [lang, text, want] of cases) assert.deepEqual(found(text, lang), want, `${lang}: ${text}`);
});

test('a sentence-final period is not part of a date: "el 1° de mayo."', () => {
  assert.deepEqual(found('La marcha fue el 1° de mayo.', 'es'), [['1° de mayo', '2010-05-01']]);
});
