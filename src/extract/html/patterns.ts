/**
 * The heuristics of the HTML cleaner, kept as data: which tags, class/id words and short texts mark
 * boilerplate, and which mark the article body. Each entry says why it is there.
 */
import type { RemovalReason } from '../../model/index.js';

/** Elements whose content is never article text. */
export const DROP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio',
  'source', 'track', 'map', 'button', 'input', 'select', 'textarea', 'option', 'label', 'head', 'meta', 'link',
  'dialog', 'menu',
]);

/** Structural tags that hold page furniture, with the reason recorded when they are dropped. */
export const BOILERPLATE_TAGS: ReadonlyMap<string, RemovalReason> = new Map<string, RemovalReason>([
  ['nav', 'navigation'], // site and section menus
  ['footer', 'footer'], // site footers, copyright, legal links
  ['aside', 'related-links'], // sidebars, "most read", related stories
  ['form', 'boilerplate'], // search boxes, newsletter sign-ups, comment forms
]);

/** Block-level tags: each starts a new paragraph in the output text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'ul', 'ol',
  'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'hr', 'br', 'figure', 'figcaption', 'address', 'center', 'fieldset', 'details', 'summary', 'body',
  'html', 'form', 'hgroup',
]);

/** Tags that are paragraphs of text when they hold enough words (the units that get scored). */
export const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'blockquote', 'li', 'td', 'dd', 'h2', 'h3', 'h4']);

/** Caption and credit containers: kept out of the text and returned as `captions`. */
export const CAPTION_TAGS: ReadonlySet<string> = new Set(['figcaption']);

/** A class/id rule: a pattern over the element's `class` and `id` words, with what it means. */
export interface AttributeRule {
  /** Name recorded in `Removal.rule`. */
  name: string;
  pattern: RegExp;
  reason: RemovalReason;
}

// Class/id words are matched as whole parts of hyphen/underscore names ("article-share",
// "social_links"), so "shareholder" or "menuitem-content" do not fire by accident.
const part = (words: string): RegExp => new RegExp(`(?:^|[-_\\s])(?:${words})(?:$|[-_\\s\\d])`, 'i');

/**
 * Class/id words of boilerplate blocks. Tested in order; the first match names the reason.
 * English and German words, because the dev data is mostly English (aeb) and German (trafilatura).
 */
export const BOILERPLATE_ATTRIBUTES: readonly AttributeRule[] = [
  // Share and social widgets: buttons and counters, never prose.
  { name: 'class:share', pattern: part('share|sharing|sharebar|shares|social|socials|social-?media|teilen|sharethis|addthis|shariff|follow-?us'), reason: 'share-widget' },
  // Comment threads and forms: reader text, not the article.
  { name: 'class:comments', pattern: part('comments?|kommentare?|disqus|respond|reply|discussion|talkback'), reason: 'comments' },
  // "Related", "more stories", "most read", recommendation widgets (also written as one word:
  // "relatedlinks", "relatedposts").
  { name: 'class:related', pattern: part('related|related-?(?:links|posts|articles|content|stories|news)|recommended|recommendations?|more-?stories|read-?more|readmore|most-?read|most-?popular|popular|trending|teaser-?list|outbrain|taboola|further-?reading|weitere|verwandte|also-?read|next-?article|prev-?article|pagination|pager'), reason: 'related-links' },
  // Newsletter and subscription prompts.
  { name: 'class:newsletter', pattern: part('newsletter|subscribe|subscription|signup|sign-?up|piano|abo|registration|login|regwall'), reason: 'newsletter' },
  // Cookie and consent banners.
  { name: 'class:cookie', pattern: part('cookie|cookies|consent|gdpr|cmp|privacy-?banner|datenschutz-?hinweis'), reason: 'cookie-notice' },
  // Advertising slots.
  { name: 'class:ads', pattern: part('ad|ads|adv|advert|advertisement|advertising|ad-?slot|ad-?container|adsense|sponsor|sponsored|promo|promotion|anzeige|werbung|banner|dfp|gpt'), reason: 'advertisement' },
  // Navigation furniture: menus, breadcrumbs, site header and footer, sidebars.
  { name: 'class:navigation', pattern: part('nav|navbar|navigation|menu|breadcrumbs?|skip-?link|masthead|site-?header|topbar|toolbar|sidebar|side-?bar|jump-?link|toc'), reason: 'navigation' },
  { name: 'class:footer', pattern: part('footer|site-?footer|copyright|impressum|colophon|legal'), reason: 'footer' },
  // Tag lists, bylines-as-boxes, author bios and meta rows: metadata, not body.
  { name: 'class:metadata', pattern: part('tags|tag-?list|tagcloud|keywords|author-?(?:bio|box|info|content|details|description|card)|post-?author|about-?(?:the-?)?author|byline|meta-?data|post-?meta|entry-?meta|article-?meta|dateline|timestamp|publish-?date|print|visually-?hidden|sr-?only|screen-?reader'), reason: 'metadata' },
  // Captions and credits (kept as captions rather than silently lost).
  { name: 'class:caption', pattern: part('caption|credit|credits|photo-?credit|image-?credit|bildunterschrift|copyright-?image'), reason: 'caption' },
];

/**
 * Class/id words that keep an element even when a boilerplate word matches too: embedded posts and
 * quotes ("social-media-embed", "twitter-tweet") are part of the story the article tells.
 */
export const KEEP_ATTRIBUTES = part('embed|embedded|tweet|twitter-tweet|instagram-media|quote|pullquote');

/** Roles (ARIA) of page furniture. */
export const BOILERPLATE_ROLES: ReadonlyMap<string, RemovalReason> = new Map<string, RemovalReason>([
  ['navigation', 'navigation'],
  ['banner', 'navigation'],
  ['contentinfo', 'footer'],
  ['complementary', 'related-links'],
  ['search', 'navigation'],
  ['dialog', 'boilerplate'],
  ['alertdialog', 'boilerplate'],
]);

/** Class/id words of the article body: the container that scores get a bonus for. */
export const CONTENT_HINT = part(
  'article|articlebody|article-?body|article-?content|article-?text|story|story-?body|storytext|entry|entry-?content|post|post-?content|post-?body|content|main|main-?content|body|text|body-?text|blog|rich-?text|richtext|artikel|beitrag|inhalt|haupttext|news-?text',
);

/** Class/id words that make a container unlikely to be the body (weaker than a removal). */
export const NEGATIVE_HINT = part(
  'hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget|teaser|header|login|modal|popup',
);

/** Class/id words that name the article body unambiguously (CMS conventions: WordPress, Drupal, news sites). */
export const BODY_MARKER_CLASS = /(?:^|[\s_-])(?:article-?body|articlebody|article-?text|story-?body|entry-?content|post-?content|post-?body|article-?content|article__body|body-?text)(?:$|[\s_-])/;

/** Itemprop/attribute markers that name the article body outright (schema.org microdata). */
export const BODY_ITEMPROPS: ReadonlySet<string> = new Set(['articlebody', 'text', 'articletext', 'reviewbody']);

/**
 * Short texts that are boilerplate wherever they appear (a whole paragraph of just this).
 * Each alternative is a line a reader would skip: calls to share, subscribe, read on, ads.
 */
export const BOILERPLATE_LINES: readonly { name: string; pattern: RegExp; reason: RemovalReason }[] = [
  { name: 'line:share', pattern: /^(share( this)?( article| story| on \w+)?|teilen|tweet|pin it|email|e-mail|print|drucken|copy link|link kopieren)[:.!]?$/i, reason: 'share-widget' },
  { name: 'line:advertisement', pattern: /^(advertisement|anzeige|werbung|sponsored( content)?|ad|publicité)$/i, reason: 'advertisement' },
  { name: 'line:subscribe', pattern: /^(subscribe( now)?|sign up( now)?|jetzt abonnieren|abonnieren|already a subscriber\??.*|log ?in|register|anmelden)[.!]?$/i, reason: 'subscription' },
  { name: 'line:read-more', pattern: /^(read more|more:?|related:?|see also:?|weiterlesen|mehr zum thema:?|lesen sie auch:?|also read:?|read next|continue reading)[.:…]*$/i, reason: 'related-links' },
  // Labels of gallery, lightbox and accordion controls left as text by the page's scripts.
  { name: 'line:control', pattern: /^(?:caption|close|schließen|cerrar|fermer|back to gallery|zurück zur galerie|view gallery|open gallery|next|previous|prev|weiter|zurück|show more|show less|mehr anzeigen|expand|collapse|enlarge|vergrößern|zoom)$/i, reason: 'navigation' },
  { name: 'line:cookie', pattern: /\b(we use cookies|this (web)?site uses cookies|verwendet cookies|nutzt cookies)\b/i, reason: 'cookie-notice' },
];

/**
 * Caption and credit lines outside `<figcaption>`: a label such as "Photo:" or "Bild:" first, or a
 * credit ("Foto: dpa") closing a short line.
 */
export const CAPTION_LINES: readonly RegExp[] = [
  /^(?:fotos?|bild(?:er)?|abbildung|abb\.|titelbild|grafik|photos?|image|picture|credits?|photo credit|foto ?credit|imagen|légende)\s*(?:\d+\s*)?[:©]/i,
  /(?:^|[.\s])(?:fotos?|photos?|bild|image|credit|imagen)\s*:\s*[^.:]{2,60}$/i,
  /^(?:©|\(c\)|copyright\b)/i,
  // Gallery counters ("Image 3 of 5", "Bild 2 von 12"): slide labels, not prose.
  /^(?:image|photo|picture|slide|bild|foto|imagen|immagine)\s+\d+\s*(?:of|von|de|di|sur|\/)\s*\d+$/i,
];

/**
 * Words that may appear in a line that is only a date or time ("19 November 2019", "02 Ago 2017
 * 05:30", "Updated on 2024-02-08"): month and weekday names of the dev sets' languages, clock
 * words and the verbs that announce a date. A short block made of these and digits is metadata.
 */
export const DATE_LINE_WORDS: ReadonlySet<string> = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'januar februar märz mai juni juli oktober dezember jän mär okt dez ' +
    'janvier février mars avril juin juillet août septembre octobre novembre décembre ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre ene abr ago dic ' +
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug set ott ' +
    'janeiro fevereiro março maio junho julho setembro outubro novembro dezembro ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo ' +
    'am pm uhr h et gmt utc cet cest est edt pst bst ' +
    'updated published posted on at de del of le am um stand aktualisiert veröffentlicht publié actualizado publicado'
  ).split(' '),
);

/** A short paragraph that is mostly link text is a menu or a list of related links. */
export const MAX_LINK_DENSITY = 0.5;

/**
 * Calls to action and credits that close an article without being part of it: contact and follow
 * lines ("Email the author at …, follow him @…"), newsletter and subscription prompts, licence and
 * copyright notes, affiliate disclaimers, agency credits ("Reporting by …"), comment-moderation
 * notes. Only applied to short blocks at the very end of the text. Phrases, not single words, so a
 * closing sentence that merely mentions Twitter or a licence stays.
 */
export const TRAILER_PATTERNS: readonly { name: string; pattern: RegExp; reason: RemovalReason }[] = [
  // Contact: an e-mail address or a social handle in a short closing line.
  { name: 'trailer:contact', pattern: /[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}|\b(?:follow|folgen sie|síguenos|suivez)(?: (?:us|him|her|me|them|uns|nous))?(?: on| auf| en| sur)? (?:twitter|facebook|instagram|x\b)|\bhave a (?:news )?tip\b|\bpuede escribirnos\b/i, reason: 'boilerplate' },
  // Newsletter and subscription prompts in the languages of the dev sets.
  { name: 'trailer:subscribe', pattern: /\b(?:newsletters?|subscribe|subscription|sign up for|abonnier\w*|abonnement|suscr[ií]b\w*|suscripci[oó]n|subskrypcj\w*|abonnez|inscrivez|assine|cancela cuando quieras|lust auf mehr)\b/i, reason: 'subscription' },
  // Copyright and licence notes.
  { name: 'trailer:copyright', pattern: /\b(?:all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|prawa zastrzeżone|prawem autorskim|unter der lizenz|licensed under|creative commons|cc[- ]by)\b|©/i, reason: 'copyright' },
  // Affiliate disclaimers, comment-moderation notes, permalinks and "posted in" lines of blogs.
  { name: 'trailer:notice', pattern: /\b(?:affiliate commission|affiliate links?|moderating (?:all )?comments|bookmark the permalink|permalink:|this entry was posted)\b/i, reason: 'boilerplate' },
  // Share and rating prompts of blog and CMS widgets ("War der Artikel nützlich?", "95 Stimmen").
  { name: 'trailer:rating', pattern: /\b(?:(?:möchten sie )?(?:den|diesen) (?:artikel|beitrag) teilen|war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)|\d+ stimmen\b)|^loading\s?(?:\.\.\.|…)$/i, reason: 'share-widget' },
  // Agency and contributor credits ("Reporting by …; Editing by …", "… contributed to this report").
  { name: 'trailer:credit', pattern: /^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b|\bcontributed (?:reporting )?to this (?:report|story|article)\b/i, reason: 'metadata' },
];

/**
 * Lines that open an article without being part of it: a byline ("By Jane Doe, 18 November
 * 2019", "Von Anna Berg", "Text: …"), a reading-time note ("Lesezeit: 3 Min.", "5 min read") or
 * a text-size control. Only applied to short blocks before the first paragraph of prose.
 */
export const HEAD_LINES: readonly { name: string; pattern: RegExp }[] = [
  // "By" and its translations opening a short line (content.ts keeps such a line when it ends a
  // sentence without a date in it, so "By the time help came, the dam held." stays).
  { name: 'head:byline', pattern: /^(?:by|von|por|par|di|door|av|przez|от)\s+\S|^(?:text|texto|текст|autor|author|written by|words)\s*:/iu },
  // Reading time and text-size widgets.
  { name: 'head:reading-time', pattern: /^(?:lesezeit|lesedauer|reading time|read time|tempo de leitura|tiempo de lectura|temps de lecture|czas czytania|время чтения)\b|^(?:ca\.\s*)?\d+\s*(?:min\.?|minutes?|minuten)(?:\s+(?:read|lesezeit|lesen|de lectura))?$|^text size$/i },
];

/**
 * Headings that introduce links to other articles ("Related posts", "Verwandte Beiträge", "Das
 * könnte Sie auch interessieren", "Te puede interesar"): a block under one is not the article.
 */
export const RELATED_HEADING =
  /^(?:related|more (?:from|on|stories|articles|news)|you (?:may|might) also|read (?:also|next|more)|also read|recommended|verwandte|ähnliche|weitere (?:artikel|beiträge|themen|nachrichten)|mehr (?:zum thema|dazu|aus)|das könnte|lesen sie auch|auch interessant|te puede interesar|también te|lee también|leia também|veja também|à lire aussi|lire aussi|sur le même sujet|zobacz (?:też|także)|czytaj (?:też|także)|potrebbe interessarti|leggi anche)/i;
