/**
 * Boilerplate patterns as data: each names the rule, the removal reason and whether the line starts
 * the page's boilerplate tail (after it only clearly good prose is kept). Patterns are written for
 * whole short lines, in several languages, and describe the kind of widget, not one site's wording.
 * First match wins, so more specific kinds come first.
 */
import type { RemovalReason } from '../../model/index.js';

export interface LinePattern {
  rule: string;
  reason: RemovalReason;
  re: RegExp;
  /** Longest line (in characters) the pattern may remove: a long line is prose that mentions the word. */
  maxChars: number;
  /** The line starts the boilerplate tail of the page (footer, related links, comments). */
  startsTail?: boolean;
}

const WEEKDAYS =
  'mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekdays|daily|weekly|monthly|' +
  'montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?|sonntags?|täglich|wöchentlich|' +
  'lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|quotidien|hebdomadaire|' +
  'lunes|martes|miércoles|jueves|viernes|sábados?|domingos?|diario|semanal|' +
  'maanantaisin|tiistaisin|keskiviikkoisin|torstaisin|perjantaisin|lauantaisin|sunnuntaisin|' +
  'måndagar|tisdagar|onsdagar|torsdagar|fredagar|lördagar|söndagar';

/** A currency amount: "$49.00", "€ 9,99", "EUR 12.53", "99 kr"; codes in capitals only ("8 Sek" is seconds). */
export const PRICE = /(?:[$€£¥]\s?\d[\d.,]*|\b(?:EUR|USD|GBP|SEK|NOK|DKK|CHF)\s?\d[\d.,]*|\b\d[\d.,]*\s?(?:€|\$|£|EUR|USD|GBP|SEK|NOK|DKK|CHF|kr)(?!\p{L}))/u;

export const LINE_PATTERNS: readonly LinePattern[] = [
  // Share widgets: a bare "Share this:" or a row of network names.
  { rule: 'share-label', reason: 'share-widget', maxChars: 40,
    re: /^(?:share|share this( (?:article|story|page|post))?|teilen|artikel teilen|diesen artikel teilen|partager|partagez|compartir|comparte|jaa|jaa artikkeli|dela|dela artikeln)\s*(?:on|auf|sur|en)?\s*:?$/i },
  { rule: 'share-networks', reason: 'share-widget', maxChars: 80,
    re: /^(?:(?:share on |tweet|email|e-mail|print|copy link|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|messenger|flipboard)\s*[,|·•/]?\s*){1,8}$/i },
  { rule: 'follow-us', reason: 'share-widget', maxChars: 80,
    re: /^(?:follow us|folgen sie uns|suivez-nous|síguenos|seuraa meitä|följ oss)\b/i },
  // The footer's legal links; before cookie notices, since "Cookie Policy" is a link, not a notice.
  { rule: 'legal-links', reason: 'footer', maxChars: 80, startsTail: true,
    re: /^(?!.*[.!?]$)(?:terms(?: of (?:use|service|sale))?|terms (?:&|and) conditions|privacy(?: policy| notice| settings)?|cookie (?:policy|settings)|imprint|impressum|datenschutz(?:erklärung)?|agb|nutzungsbedingungen|mentions légales|politique de confidentialité|aviso legal|política de privacidad|tietosuoja(?:seloste)?|käyttöehdot|integritetspolicy|villkor)\b.{0,40}$/i },
  // Cookie/consent and language-switch notices are sentences, so they are matched by their topic.
  { rule: 'cookie-consent', reason: 'cookie-notice', maxChars: 400,
    re: /\b(?:cookies?|cookie-dateien|evästeitä|evästeet|kakor)\b.*\b(?:consent|accept|agree|use|policy|settings|einwilligen|zustimm|akzept|verwend|accepte|utilis|acept|usamos|utiliza|hyväksy|käytämme|godkänn|använder)|\b(?:consent|accept|agree|use|einwilligen|akzept|accepte|acept|hyväksy|godkänn)\w*\b.*\bcookies?\b/i },
  // Consent-banner buttons under the notice: a button label is never article text.
  { rule: 'consent-buttons', reason: 'cookie-notice', maxChars: 40,
    re: /^(?:accept(?: all| cookies| all cookies)?|reject(?: all)?|decline(?: all)?|manage (?:settings|preferences|cookies|options)|cookie settings|alle akzeptieren|alle ablehnen|einstellungen verwalten|tout accepter|tout refuser|gérer les (?:paramètres|préférences|cookies)|aceptar(?: todo| todas| cookies)?|rechazar(?: todo| todas)?|hyväksy kaikki|hylkää kaikki|godkänn alla|avvisa alla|hantera inställningar)$/i },
  { rule: 'language-switch', reason: 'language-notice', maxChars: 300,
    re: /\b(?:(?:english|german|french|spanish|finnish|swedish|russian|ukrainian|deutsche|englische|anglaise|française|inglesa|española) version\b|version (?:in english|en français|en español|auf deutsch)|language settings|spracheinstellungen|paramètres de langue|would you like to switch|switch to (?:the )?(?:english|\w+ (?:version|edition|site)))/i },
  // Newsletter menus: sign-up lines, delivery days in brackets, "See Sample".
  { rule: 'newsletter-signup', reason: 'newsletter', maxChars: 200,
    re: /\b(?:unsubscribe|sign(?:ing)? up (?:for|to)|by signing up|abmelden|désinscri|darse de baja|peruuta tilaus|avsluta prenumeration)\b/i },
  // A sentence that mentions a newsletter is prose; a short label naming one is a menu entry.
  { rule: 'newsletter-menu', reason: 'newsletter', maxChars: 60,
    re: /^(?!.*[.!?]$).*\b(?:newsletters?|uutiskirjeet?|nyhetsbrev)\b/i },
  { rule: 'newsletter-days', reason: 'newsletter', maxChars: 80,
    re: new RegExp(`\\((?:(?:${WEEKDAYS})(?:\\s*(?:to|and|&|,|-|–|bis|und|et|à|a|y|ja|och|till)\\s*)?)+\\)$`, 'i') },
  { rule: 'newsletter-sample', reason: 'newsletter', maxChars: 30,
    re: /^(?:see (?:a )?sample|view sample|beispiel ansehen|voir un exemple|ver ejemplo)$/i },
  // Subscription offers: calls to action, plans and prices.
  { rule: 'subscribe-cta', reason: 'subscription', maxChars: 120,
    re: /^(?!.*[.!?]$)(?:subscribe|subscriptions?|premium subscription|jetzt abonnieren|abonnieren|abonnements?|abonnez-vous|s'abonner|suscríbete|suscripción|suscribirse|tilaa|tilaus|prenumerera|prenumeration|already a subscriber|become a (?:member|subscriber)|start (?:your )?free trial|log ?in|sign ?in|register|anmelden|se connecter|iniciar sesión|kirjaudu|logga in)\b.{0,60}$/i },
  { rule: 'subscription-plan', reason: 'subscription', maxChars: 80,
    // Plans name a period and a price or an offer word; a sentence about an "annual festival" is prose.
    re: /^(?!.*[.!?]$)(?=.*(?:[$€£¥]|\d[.,]\d\d|\b(?:trial|ad[- ]free|digital|premium|print|plan|abo|offer|angebot|offre|oferta)\b)).*\b(?:monthly|yearly|annual|per month|per year|\/mo|\/month|\/year|free trial|ad[- ]free|monatlich|jährlich|mensuel|annuel|mensual|anual)\b/i },
  // Magazine-issue boxes: "2023 Issue", "In The Magazine", "<Name> magazine cover".
  { rule: 'magazine-issue', reason: 'subscription', maxChars: 60,
    re: /^(?:(?:\d{4}|\w+) issue|in the magazine|current issue|latest issue|[\w .]{0,40}\b(?:magazine )?cover|(?:aktuelle )?ausgabe|heft \d+|numéro \d+|edición impresa|näköislehti)$/i },
  // Related links and reading suggestions.
  { rule: 'read-more', reason: 'related-links', maxChars: 40,
    re: /^(?!.*[.!?]$)(?:read more|read also|see also|more on this|more from|weiterlesen|mehr zum thema|lesen sie auch|lire aussi|à lire aussi|lire la suite|leer más|lea también|lue myös|lue lisää|läs mer|läs också)\b.{0,30}$/i },
  { rule: 'related-block', reason: 'related-links', maxChars: 40, startsTail: true,
    re: /^(?:related(?: (?:pages|articles|stories|posts|content|news|topics|questions))?|editor'?s'? picks|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|you may also like|more stories|top stories|das könnte sie auch interessieren|ähnliche artikel|meistgelesen|articles similaires|sur le même sujet|noticias relacionadas|te puede interesar|lue myös nämä|luetuimmat|mest läst|relaterade artiklar)\s*:?$/i },
  // Comment counters and comment-section headers.
  { rule: 'comments', reason: 'comments', maxChars: 50, startsTail: true,
    re: /^(?:(?:all|view|show|read|post a|leave a|add a|\d+)\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|kommentit|kommentti|kommentarer?)(?:\s*\(\d+\))?\s*[.:]?$/i },
  // Copyright lines.
  { rule: 'copyright', reason: 'copyright', maxChars: 200, startsTail: true,
    re: /(?:^©|©\s*\d{4}|\(c\)\s*\d{4}|^copyright\b(?!.*[.!?]$)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|kaikki oikeudet pidätetään|alla rättigheter förbehållna)/i },
  { rule: 'site-links', reason: 'footer', maxChars: 40,
    re: /^(?:about(?: us)?|contact(?: us)?|careers|jobs|advertise(?: with us)?|masthead|press center|corrections|accessibility|sitemap|help|faq|über uns|kontakt|karriere|werben|qui sommes-nous|nous contacter|publicité|quiénes somos|contacto|publicidad|meistä|yhteystiedot|ota yhteyttä|om oss|kontakta oss|annonsera)\s*:?$/i },
  { rule: 'reprints-corrections', reason: 'footer', maxChars: 160,
    re: /^(?!.*[.!?]$).*\b(?:reprints?|licensing|submit (?:a )?correction|editorial (?:guidelines|standards)|report an error|fehler melden|signaler une erreur)\b/i },
  { rule: 'back-to-top', reason: 'navigation', maxChars: 30,
    re: /^(?:back to top|to top|nach oben|haut de page|volver arriba|alkuun|till toppen|skip to (?:main )?content|menu|menü|home|startseite|accueil|inicio|etusivu|hem|search|suche|rechercher|buscar|haku|sök)$/i },
  // Shop buttons: a call to buy is never article text.
  { rule: 'shop-button', reason: 'advertisement', maxChars: 40,
    re: /^(?!.*[.!?]$)(?:shop now|shop all|buy now|add to (?:cart|basket|bag)|in den warenkorb|jetzt kaufen|ajouter au panier|acheter|añadir al carrito|comprar ahora|lisää ostoskoriin|osta nyt|lägg i varukorgen|köp nu)\b/i },
  // Log-in prompts and comment forms.
  { rule: 'login-prompt', reason: 'comments', maxChars: 200,
    re: /\b(?:please (?:log ?in|sign in|register|subscribe)|you must be logged in|(?:log ?in|sign in) to (?:comment|reply|post)|leave a (?:reply|comment)|post a comment|your email address will not be published|kommentar schreiben|laisser un commentaire|deja un comentario|jätä kommentti|lämna en kommentar|du kommenterar med)\b/i },
  // Advertising labels.
  { rule: 'ad-label', reason: 'advertisement', maxChars: 40,
    re: /^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|mainos|annons)$/i },
];

/** The first pattern a line matches, if any. */
export function matchLinePattern(line: string): LinePattern | null {
  for (const p of LINE_PATTERNS) if (line.length <= p.maxChars && p.re.test(line)) return p;
  return null;
}
