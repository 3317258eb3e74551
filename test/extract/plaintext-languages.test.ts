/**
 * The plain-text cleaner in every language with a stopword list: invented news prose is kept whole,
 * and a navigation row (section names, no function words) is still dropped by the stopword rule.
 * A language without a list is never judged by stopwords: its prose is kept.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePlainText, cleanPlainText } from '../../src/extract/plaintext/index.js';
import { LEXICON_LANGUAGES } from '../../src/analyze/lexicon/index.js';
import { readDateLine } from '../../src/extract/plaintext/metadata.js';

interface Fixture {
  title: string;
  nav: string;
  prose: [string, string];
}

/** One invented article per language: headline, a navigation row, two paragraphs. */
const FIXTURES: Record<string, Fixture> = {
  en: {
    title: 'Harbour authority delays vote on new ferry terminal',
    nav: 'Home News Politics Business Sport Culture Travel Opinion Weather Video',
    prose: [
      'The harbour authority postponed its vote on the new ferry terminal on Thursday, saying that the cost estimates it had received from the two bidders were not yet complete.',
      'Residents of the old town have opposed the project for more than a year, and a petition against it was signed by almost four thousand people in the spring.',
    ],
  },
  de: {
    title: 'Stadtrat vertagt Entscheidung über neue Fährstation',
    nav: 'Startseite Politik Wirtschaft Sport Kultur Reise Meinung Wetter Video',
    prose: [
      'Der Stadtrat hat die Entscheidung über die neue Fährstation am Donnerstag vertagt, weil die Kostenschätzungen der beiden Bieter noch nicht vollständig vorliegen.',
      'Die Anwohner der Altstadt wehren sich seit mehr als einem Jahr gegen das Projekt, und eine Petition dagegen wurde im Frühjahr von fast viertausend Menschen unterschrieben.',
    ],
  },
  fr: {
    title: 'Le conseil municipal reporte le vote sur le nouveau terminal',
    nav: 'Accueil Actualités Politique Économie Sport Culture Voyages Opinions Météo',
    prose: [
      "Le conseil municipal a reporté jeudi le vote sur le nouveau terminal des ferries, estimant que les devis présentés par les deux entreprises n'étaient pas encore complets.",
      "Les habitants de la vieille ville s'opposent au projet depuis plus d'un an, et une pétition contre celui-ci a été signée par près de quatre mille personnes au printemps.",
    ],
  },
  es: {
    title: 'El ayuntamiento aplaza la votación sobre la nueva terminal',
    nav: 'Portada Noticias Política Economía Deportes Cultura Viajes Opinión Tiempo',
    prose: [
      'El ayuntamiento aplazó el jueves la votación sobre la nueva terminal de ferris, porque los presupuestos que presentaron las dos empresas todavía no estaban completos.',
      'Los vecinos del casco antiguo se oponen al proyecto desde hace más de un año, y una petición en su contra fue firmada por casi cuatro mil personas en la primavera.',
    ],
  },
  it: {
    title: 'Il consiglio comunale rinvia il voto sul nuovo terminal',
    nav: 'Home Politica Economia Esteri Cronaca Sport Cultura Spettacoli Tecnologia',
    prose: [
      "Il consiglio comunale ha rinviato giovedì il voto sul nuovo terminal dei traghetti, perché i preventivi presentati dalle due aziende non erano ancora completi.",
      "Gli abitanti del centro storico si oppongono al progetto da più di un anno, e una petizione contro l'opera è stata firmata da quasi quattromila persone in primavera.",
    ],
  },
  pt: {
    title: 'Câmara municipal adia votação sobre o novo terminal',
    nav: 'Início Notícias Política Economia Desporto Cultura Viagens Opinião Tempo',
    prose: [
      'A câmara municipal adiou na quinta-feira a votação sobre o novo terminal de ferries, porque os orçamentos apresentados pelas duas empresas ainda não estavam completos.',
      'Os moradores do centro histórico opõem-se ao projeto há mais de um ano, e uma petição contra a obra foi assinada por quase quatro mil pessoas na primavera.',
    ],
  },
  nl: {
    title: 'Gemeenteraad stelt stemming over nieuwe veerterminal uit',
    nav: 'Voorpagina Nieuws Politiek Economie Sport Cultuur Reizen Opinie Weer Video',
    prose: [
      'De gemeenteraad heeft de stemming over de nieuwe veerterminal donderdag uitgesteld, omdat de offertes van de twee bieders nog niet volledig waren.',
      'De bewoners van de oude binnenstad verzetten zich al meer dan een jaar tegen het plan, en een petitie ertegen werd in het voorjaar door bijna vierduizend mensen getekend.',
    ],
  },
  pl: {
    title: 'Rada miasta odkłada głosowanie w sprawie nowego terminalu',
    nav: 'Strona główna Wiadomości Polityka Gospodarka Sport Kultura Podróże Opinie',
    prose: [
      'Rada miasta odłożyła w czwartek głosowanie w sprawie nowego terminalu promowego, ponieważ kosztorysy przedstawione przez dwie firmy nie były jeszcze kompletne.',
      'Mieszkańcy starego miasta sprzeciwiają się temu projektowi od ponad roku, a petycję przeciwko niemu podpisało na wiosnę prawie cztery tysiące osób.',
    ],
  },
  sv: {
    title: 'Kommunfullmäktige skjuter upp beslutet om ny färjeterminal',
    nav: 'Startsida Nyheter Politik Ekonomi Sport Kultur Resor Debatt Väder Video',
    prose: [
      'Kommunfullmäktige sköt på torsdagen upp omröstningen om den nya färjeterminalen, eftersom kostnadsberäkningarna från de två anbudsgivarna ännu inte var klara.',
      'De boende i gamla stan har motsatt sig projektet i mer än ett år, och en namninsamling mot det skrevs under av nästan fyratusen personer i våras.',
    ],
  },
  fi: {
    title: 'Kaupunginvaltuusto lykkää päätöstä uudesta lauttaterminaalista',
    nav: 'Etusivu Uutiset Politiikka Talous Urheilu Kulttuuri Matkailu Mielipide Sää',
    prose: [
      'Kaupunginvaltuusto lykkäsi torstaina äänestystä uudesta lauttaterminaalista, koska kahden tarjoajan kustannusarviot eivät olleet vielä valmiita.',
      'Vanhankaupungin asukkaat ovat vastustaneet hanketta jo yli vuoden, ja sitä vastustavan adressin allekirjoitti keväällä lähes neljätuhatta ihmistä.',
    ],
  },
  tr: {
    title: 'Belediye meclisi yeni feribot terminali oylamasını erteledi',
    nav: 'Ana Sayfa Gündem Siyaset Ekonomi Spor Kültür Seyahat Yazarlar Hava Durumu',
    prose: [
      'Belediye meclisi yeni feribot terminali için yapılacak oylamayı perşembe günü erteledi, çünkü iki firmanın sunduğu maliyet tahminleri henüz tamamlanmamıştı.',
      'Eski şehirde yaşayanlar bir yıldan uzun bir süredir projeye karşı çıkıyor ve bu proje için başlatılan imza kampanyasına baharda yaklaşık dört bin kişi katıldı.',
    ],
  },
  ru: {
    title: 'Городской совет отложил голосование по новому терминалу',
    nav: 'Главная Новости Политика Экономика Спорт Культура Путешествия Мнения Погода',
    prose: [
      'Городской совет в четверг отложил голосование по новому паромному терминалу, так как сметы, которые представили две компании, еще не были готовы.',
      'Жители старого города выступают против этого проекта уже больше года, и весной петицию против него подписали почти четыре тысячи человек.',
    ],
  },
};

const page = (f: Fixture): string => [f.title, f.nav, ...f.prose].join('\n\n');

test('every language with a stopword list has an invented article here', () => {
  assert.deepEqual(Object.keys(FIXTURES).sort(), [...LEXICON_LANGUAGES].sort());
});

for (const [lang, f] of Object.entries(FIXTURES)) {
  test(`${lang}: the prose is kept whole and the navigation row is dropped as low in stopwords`, () => {
    const a = analyzePlainText(page(f));
    assert.equal(a.language, lang);
    assert.equal(a.fields.title, f.title);
    assert.equal(a.fields.text, f.prose.join('\n\n'));
    const nav = a.lines.find((l) => l.text === f.nav);
    assert.equal(nav?.kind, 'removed');
    assert.equal(nav?.rule, 'low-stopwords');
  });
}

test('a language without a list keeps its prose: the stopword rule does not fire (Catalan)', () => {
  const prose = [
    "El consell municipal va ajornar dijous la votació sobre la nova terminal de transbordadors, perquè els pressupostos de les dues empreses encara no eren complets.",
    "Els veïns del barri antic s'oposen al projecte des de fa més d'un any, i una petició en contra va ser signada per gairebé quatre mil persones a la primavera.",
  ];
  const menu = ['Inici', 'Política', 'Economia', 'Esports'].join('\n');
  const a = analyzePlainText(['El consell municipal ajorna la votació de la terminal', menu, ...prose].join('\n\n'));
  assert.equal(a.language, 'ca');
  assert.equal(a.fields.text, prose.join('\n\n'));
  // Menu runs are told by their shape, not by words: still dropped.
  for (const entry of ['Inici', 'Política', 'Economia', 'Esports']) assert.equal(a.lines.find((l) => l.text === entry)?.kind, 'removed', entry);
});

test('Italian prose given as Italian keeps every word (it had no list and lost most of its text)', () => {
  const f = FIXTURES.it!;
  const out = cleanPlainText(f.prose.join('\n\n'), { language: 'it', title: false });
  assert.equal(out.text, f.prose.join('\n\n'));
});

test('date lines are read in every language: labels and month names', () => {
  const cases: [string, 'published' | 'modified', string][] = [
    ['Pubblicato il 25 gennaio 2011', 'published', '2011-01-25'],
    ['Aggiornato il 26 gennaio 2011', 'modified', '2011-01-26'],
    ['Publicado em 3 de março de 2010', 'published', '2010-03-03'],
    ['Gepubliceerd op 3 maart 2010', 'published', '2010-03-03'],
    ['Opublikowano: 3 marca 2010', 'published', '2010-03-03'],
    ['Yayınlanma tarihi: 3 Mart 2010', 'published', '2010-03-03'],
    ['Опубликовано 3 марта 2010', 'published', '2010-03-03'],
    ['1° febbraio 2011', 'published', '2011-02-01'],
  ];
  for (const [line, field, date] of cases) assert.deepEqual(readDateLine(line), { field, date, outlet: null, section: null }, line);
});

test('scripts without spaces: Japanese and Chinese prose is kept, their menu runs are dropped', () => {
  const cases: [string, string, string[], string[]][] = [
    ['市議会、フェリーターミナルの採決を延期', 'ja', ['トップ', 'ニュース', '天気', 'スポーツ'], [
      '市議会は木曜日、新しいフェリーターミナルの建設計画に関する採決を延期した。',
      '旧市街の住民は一年以上前からこの計画に反対しており、春には約四千人が反対の署名をした。',
    ]],
    ['市议会推迟渡轮码头表决', 'zh', ['首页', '新闻', '体育', '财经'], [
      '市议会周四推迟了关于新渡轮码头的表决，因为两家公司提交的预算尚不完整。',
      '老城区的居民一年多来一直反对这个项目，春天有近四千人签名请愿。',
    ]],
  ];
  for (const [title, lang, menu, prose] of cases) {
    const a = analyzePlainText([title, menu.join('\n'), ...prose].join('\n\n'));
    assert.equal(a.language, lang);
    assert.equal(a.fields.title, title);
    assert.equal(a.fields.text, prose.join('\n\n'), lang);
    for (const entry of menu) assert.equal(a.lines.find((l) => l.text === entry)?.kind, 'removed', entry);
  }
});
