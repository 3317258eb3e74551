/**
 * Function words per language, for jusText-style stopword density: running prose is full of them,
 * menus, tag lists, prices and credits are not. Lists are short on purpose (the most frequent
 * words carry the signal); keys are ISO 639-1 codes.
 */
const LISTS: Record<string, string> = {
  en: `a an the and or but if of to in on at by for with from as into about over after before between
    through during without under than then so not no nor is are was were be been being am has have had
    do does did will would shall should can could may might must this that these those it its he him
    his she her they them their we us our you your i me my who whom which what when where why how
    there here also just only very more most such other some any each all both out up down off again
    further once while because until against said says one two new like`,
  de: `der die das den dem des ein eine einer eines einem einen und oder aber wenn als auch auf aus
    bei bis durch für gegen in im ins mit nach ohne seit über um unter von vor zu zum zur ist sind war
    waren wird werden wurde wurden sein hat haben hatte hatten kann können soll sollen muss müssen nicht
    kein keine noch nur schon sehr so wie was wer wo dass daß es er sie wir ihr ich du man sich sein
    seine ihre ihren diese dieser dieses diesem jetzt dann denn doch hier da am vom beim einem`,
  es: `el la los las un una unos unas y o pero si de del a al en con por para sin sobre entre desde
    hasta según es son era eran fue fueron ser sido está están estaba ha han había haber no ni que qué
    como cuando donde quien cual lo le les se su sus mi mis tu tus nos este esta estos estas ese esa
    eso esos esas también ya muy más menos todo todos toda todas otro otra hay porque pues sí`,
  fr: `le la les un une des du de d l et ou mais si à au aux en dans sur sous avec pour par sans entre
    chez vers est sont était étaient été être a ont avait avoir fait ne pas plus que qui quoi quand
    comme où dont ce cet cette ces il elle ils elles on nous vous je tu se sa son ses leur leurs notre
    nos votre vos mon ma mes aussi très tout tous toute toutes autre même y lui`,
  fi: `ja tai mutta jos kun että koska kuin sekä eli on ovat oli olivat ollut olla ei en et emme ette
    eivät se ne hän he me te minä sinä tämä tämän tätä nämä näiden tuo nuo joka jotka jonka joita mikä
    mitä miten missä mihin myös vain jo vielä niin nyt sitten kanssa mukaan sen sitä siitä siihen heidän
    hänen meidän teidän minun sinun oma omat kaikki paljon hyvin voi voivat pitää tulee`,
  sv: `och eller men om när att som än så inte ingen inget inga är var varit vara blir blev har hade
    ha kan kunde ska skulle måste vill den det de dem denna detta dessa en ett han hon hen vi ni jag
    du man sig sin sitt sina hans hennes deras vår vårt våra er ert era min mitt mina i på av för med
    till från vid under över efter före genom mot utan mellan hos också bara redan mycket mer mest alla
    allt här där nu då`,
};

const SETS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(/\s+/).filter(Boolean))]),
);

/** Every list together: used when the language is unknown or has no list of its own. */
const UNION: ReadonlySet<string> = new Set(Object.values(SETS).flatMap((s) => [...s]));

/** Languages with a stopword list of their own. */
export const STOPWORD_LANGUAGES: readonly string[] = Object.keys(LISTS);

/** The stopword set for an ISO 639-1 code; the union of all lists for anything else. */
export function stopwordsFor(language: string | null): ReadonlySet<string> {
  return (language && SETS[language]) || UNION;
}
