import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotes, type QuoteMention } from '../../src/analyze/quotes.js';

/** The quote's exact words and its verbatim fragments, read back from the offsets. */
function spans(text: string, q: QuoteMention | undefined): { quote: string; verbatim: string[] } {
  assert.ok(q, 'a quote is found');
  assert.equal(text.slice(q.quoteStart, q.quoteEnd), q.text, 'text is exactly the span');
  return { quote: q.text, verbatim: q.verbatim.map(([s, e]) => text.slice(s, e)) };
}

test('quote followed by speaker and addressee ("told")', () => {
  const text = '"The ferry will run every ten minutes," harbour chief Lena Ostrova told the Coastal Gazette.';
  const [q] = findQuotes(text);
  assert.ok(q);
  assert.equal(q.speaker, 'Lena Ostrova');
  assert.equal(q.addressee, 'Coastal Gazette');
  assert.equal(q.verb, 'told');
  assert.equal(q.direct, true);
  assert.deepEqual(spans(text, q), { quote: 'The ferry will run every ten minutes,', verbatim: ['The ferry will run every ten minutes,'] });
  assert.equal(text.slice(q.start, q.end), text);
});

test('a pronoun speaker is resolved from the preceding sentence', () => {
  const text = 'Mayor Tomas Brell visited the site on Friday. "We will rebuild the school by winter," he said.';
  const q = findQuotes(text).find((x) => x.direct);
  assert.equal(q?.speaker, 'Tomas Brell');
});

test('a pronoun with no named person before it is dropped, not guessed', () => {
  assert.deepEqual(findQuotes('The storm passed at dawn. "We will rebuild the harbour wall," he said.'), []);
  // "they" is usually a group: never pinned on the last named person.
  assert.deepEqual(findQuotes('Mayor Tomas Brell toured the pier. "The wall held," they said.'), []);
});

test('a quote inside a reported clause keeps the clause, with its verbatim fragments marked', () => {
  const text = "The agency's chief economist, Mara Voll, told reporters that growth is \u201cslowing but steady.\u201d";
  const q = findQuotes(text)[0];
  assert.equal(q?.speaker, 'Mara Voll');
  assert.equal(q?.addressee, 'reporters');
  assert.equal(q?.direct, false);
  assert.deepEqual(spans(text, q), { quote: 'growth is \u201cslowing but steady.\u201d', verbatim: ['slowing but steady.'] });
});

test('split quoted fragments stay inside one reported clause ("probably" is not dropped)', () => {
  const text = 'Foreign Minister Ilan Roe met the envoy on Monday. He confirmed that the Keshian premier will "probably" visit Telmar "within the next two weeks."';
  const qs = findQuotes(text);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker, 'Ilan Roe');
  assert.deepEqual(spans(text, qs[0]), {
    quote: 'the Keshian premier will "probably" visit Telmar "within the next two weeks."',
    verbatim: ['probably', 'within the next two weeks.'],
  });
});

test('a direct quote after "stating," stays direct', () => {
  const text = 'Addressing parliament in May, Premier Ansel Kirr was upbeat, stating, \u201cThe budget is balanced at last.\u201d';
  const q = findQuotes(text).find((x) => x.direct);
  assert.equal(q?.speaker, 'Ansel Kirr');
  assert.equal(q?.verb, 'stating');
});

test('indirect speech with "according to" and "said that"', () => {
  const text = 'Water levels rose by a metre overnight, according to the Regional Flood Office.\nMinister Ola Prest said that the dams were holding.';
  const qs = findQuotes(text);
  assert.ok(qs.some((q) => !q.direct && q.verb === 'according to' && q.speaker === 'Regional Flood Office' && q.text === 'Water levels rose by a metre overnight'));
  assert.ok(qs.some((q) => !q.direct && q.speaker === 'Ola Prest' && q.text === 'the dams were holding'));
});

test('the narrator\u2019s trailing comment is never inside a reported clause', () => {
  const cases: Array<[string, string]> = [
    // A relative clause commenting on the whole report.
    ['Recently, Valdoria\u2019s Voss announced that she would visit Kesh on the 9th of this month, which has aroused concern among farmers.', 'she would visit Kesh on the 9th of this month'],
    // A nested attribution.
    ['The harbour board said the dredging would start in May, according to two people at the meeting.', 'the dredging would start in May'],
    // An appositive comment on the report.
    ['Interior minister Pavel Dran said the border post would reopen on Friday, a move that critics called premature.', 'the border post would reopen on Friday'],
    // A circumstance the outlet adds.
    ['The river agency said the water would crest on Sunday, as heavy rain continues upstream.', 'the water would crest on Sunday'],
    // A comparison with earlier reports.
    ['The fire service said the blaze covered 40 hectares, larger than first reported.', 'the blaze covered 40 hectares'],
    // A second reporting verb opens its own quote.
    ['Trade minister Ida Brun noted that exports rose, adding that imports fell.', 'exports rose'],
  ];
  for (const [text, clause] of cases) assert.equal(findQuotes(text)[0]?.text, clause, text);
});

test('an inserted relative clause is kept when the report goes on after it', () => {
  const q = findQuotes('Police said the bridge, which opened in 1978, would stay closed.')[0];
  assert.equal(q?.text, 'the bridge, which opened in 1978, would stay closed');
  assert.equal(q?.speaker, 'Police');
});

test('a wire dateline is not part of the reported clause', () => {
  const q = findQuotes('MERROW, May 3 (CPA) - The valley road will reopen on Friday, the regional governor, Oskar Lind, said on Tuesday.')[0];
  assert.equal(q?.speaker, 'Oskar Lind');
  assert.equal(q?.text, 'The valley road will reopen on Friday');
});

test('speakers resolve to the full name the article gives', () => {
  const text = 'Harbour director Lena Ostrova opened the terminal on Monday. Later, Ms. Ostrova said that fares would stay frozen until 2027.';
  assert.equal(findQuotes(text)[0]?.speaker, 'Lena Ostrova');
  const text2 = 'Valdorian President Alena Voss met Keshian Prime Minister Davit Orkan in Telmar. The Valdorian leader assured Orkan that Telmar was ready to "lift the grain quotas within a year."';
  const q = findQuotes(text2)[0];
  assert.equal(q?.speaker, 'Alena Voss');
  assert.equal(q?.addressee, 'Orkan');
  assert.deepEqual(spans(text2, q).verbatim, ['lift the grain quotas within a year.']);
  const text3 = '"Today we chose trade," Voss told reporters. President Alena Voss of Valdoria signed the pact.';
  assert.equal(findQuotes(text3)[0]?.speaker, 'Alena Voss');
});

test('"the country\u2019s ministry" takes the one nationality named just before, else stays a full body name', () => {
  const one = 'The Valdorian envoy arrived on Monday. Subsequently, the country\u2019s Interior Ministry told reporters that the talks would resume in May.';
  assert.equal(findQuotes(one)[0]?.speaker, 'Valdorian Interior Ministry');
  const two = 'Valdorian diplomats met their Keshian counterparts on Monday. The country\u2019s Interior Ministry said the talks would resume.';
  assert.equal(findQuotes(two)[0]?.speaker, 'Interior Ministry', 'two nationalities: no guess, and never a bare "Ministry"');
});

test('a short body name resolves to the body named before; a country may speak', () => {
  const text = 'The city\u2019s harbour department closed the pier on Monday. The department said the repairs would take a month.';
  assert.deepEqual(findQuotes(text).map((q) => q.speaker), ['harbour department']);
  const q = findQuotes('Valdoria told Kesh that it must "end the blockade first."')[0];
  assert.equal(q?.speaker, 'Valdoria');
  assert.equal(q?.direct, false);
});

test('an organisation speaker after "according to" is its noun phrase, without its lead-in', () => {
  assert.equal(findQuotes('The levy would raise 4 million crowns a year, according to a statement from the Orlen finance ministry.')[0]?.speaker, 'Orlen finance ministry');
  assert.equal(findQuotes('The bill for the new pier has risen to 8 million crowns, according to figures released by the harbour department.')[0]?.speaker, 'harbour department');
  // A document seen by an outlet is the source, not the outlet.
  const q = findQuotes('According to a draft seen by the Telmar Gazette, fares would rise by 8 percent.')[0];
  assert.equal(q?.speaker, 'draft');
  assert.equal(q?.text, 'fares would rise by 8 percent');
});

test('frames beyond "X said that": participles, "As X warned", reports without "that"', () => {
  const peskov = findQuotes('Talks have dragged on for a year, with spokesman Emil Varga insisting in March that a deal was close.')[0];
  assert.deepEqual([peskov?.speaker, peskov?.text], ['Emil Varga', 'a deal was close']);
  const as = findQuotes('As Kesh Finance Minister Ida Brun warned last week, the budget may need cuts of 2 billion crowns.')[0];
  assert.deepEqual([as?.speaker, as?.text], ['Ida Brun', 'the budget may need cuts of 2 billion crowns']);
  const government = findQuotes('The Valdorian government announced on Monday, confirming that preparations are under way for the visit.')[0];
  assert.deepEqual([government?.speaker, government?.text], ['Valdorian government', 'preparations are under way for the visit']);
  const saying = findQuotes('Business groups on the southern approach asked the city for help, saying sales had fallen by a third.')[0];
  assert.deepEqual([saying?.speaker, saying?.text], ['Business groups', 'sales had fallen by a third']);
  const telling = findQuotes('Premier Davit Orkan defended the budget on Tuesday, telling parliament it would "protect every pension".')[0];
  assert.deepEqual([telling?.speaker, telling?.addressee, telling?.text], ['Davit Orkan', 'parliament', 'it would "protect every pension"']);
});

test('reporting verbs of every family frame a report', () => {
  const text =
    'Councillor Ada Fenn denied that the council had sold the land. Mayor Ivo Varga claimed that the vote was rigged. ' +
    'The union argued that wages had fallen. Judge Rena Holm stressed that the ruling was final. Minister Ola Prest assured farmers that prices would hold.';
  assert.deepEqual(
    findQuotes(text).map((q) => [q.speaker, q.verb]),
    [['Ada Fenn', 'denied'], ['Ivo Varga', 'claimed'], ['union', 'argued'], ['Rena Holm', 'stressed'], ['Ola Prest', 'assured']],
  );
});

test('a verb with a noun-phrase object, a passive or a question is not a quote', () => {
  assert.deepEqual(findQuotes('Ferry operators added extra crossings within hours, and the city asked commuters to use the ring road.'), []);
  assert.deepEqual(findQuotes('The head of Kesh diplomacy, Ilan Roe, announced the possibility of new talks.'), []);
  assert.deepEqual(findQuotes('Earlier in the day a Telmar bank had been contacted by a caller and told that a bomb had been planted.'), []);
  assert.deepEqual(findQuotes('Coach Ivo Lind explained why the team had lost three games in a row.'), []);
});

test('one-word scare quotes and quotes without a speaker are not quotes', () => {
  assert.deepEqual(findQuotes('Critics call the plan a "giveaway" and worse.'), []);
  assert.deepEqual(findQuotes('"Nothing lasts forever" is carved over the gate.'), []);
});

test('a second quote in the same paragraph continues the same speaker', () => {
  const text = '"The line is open again," rail director Eva Lind told Radio Nord. "Delays should end by Friday."';
  const qs = findQuotes(text).filter((q) => q.direct);
  assert.equal(qs.length, 2);
  assert.deepEqual(qs.map((q) => q.speaker), ['Eva Lind', 'Eva Lind']);
});

test('speaker is the person, not the capitalised title before the name', () => {
  const text = 'Harbour commissioner Ruth Annan said on Friday that the pier would stay shut "until the divers are done".';
  const q = findQuotes(text)[0];
  assert.equal(q?.speaker, 'Ruth Annan');
  assert.deepEqual(spans(text, q), { quote: 'the pier would stay shut "until the divers are done"', verbatim: ['until the divers are done'] });
  const text2 = 'Commissioner Ruth Annan said the leak was found on Tuesday during work on the pier that began in May.';
  const ind = findQuotes(text2).find((x) => !x.direct);
  assert.equal(ind?.speaker, 'Ruth Annan');
  assert.equal(ind?.text, 'the leak was found on Tuesday during work on the pier that began in May', 'the reported clause, with its restrictive "that" clause');
});

test('the addressee comes only from "told X", never from the next sentence', () => {
  const text = '"We chose the sea over the road," Mayor Ilka Sund told reporters after the vote. Varn said the plan would go to the council in May.';
  const q = findQuotes(text).find((x) => x.direct);
  assert.equal(q?.speaker, 'Ilka Sund');
  assert.equal(q?.addressee, 'reporters');
  const q2 = findQuotes('"It is done," Ilka Sund told the Orlen Gazette on Monday.').find((x) => x.direct);
  assert.equal(q2?.addressee, 'Orlen Gazette');
});

test('naming a thing in someone\u2019s words is a direct quote of theirs', () => {
  const text = 'Opposition councillor Tomas Grieve called the closure "a scandal years in the making", saying repairs had been shelved.';
  const qs = findQuotes(text);
  assert.deepEqual(qs.map((q) => [q.speaker, q.direct, q.text]), [
    ['Tomas Grieve', true, 'a scandal years in the making'],
    ['Tomas Grieve', false, 'repairs had been shelved'],
  ]);
});

test('a quote broken into paragraphs is one quote, attributed after its end', () => {
  const text = 'Residents fled their homes.\n\n"The walls shook for a full minute.\n\nWe ran into the street with the children," said Mira Holt, 34, a teacher in Dunlow.';
  const q = findQuotes(text).find((x) => x.direct);
  assert.equal(q?.speaker, 'Mira Holt');
  assert.match(q!.text, /^The walls shook[\s\S]*with the children,$/u);
  const wire = 'According to a Telmar Power update - "Two of the three lines are back.\n\nThe third will follow tonight."';
  assert.equal(findQuotes(wire)[0]?.speaker, 'Telmar Power update');
});

test('the second half of a split quote is the speaker named between the halves', () => {
  const text = 'Prosecutor Lena Dahl of Telmar spoke on Monday. "He planned it for weeks," says ADA Dahl, "and he told no one."';
  const qs = findQuotes(text).filter((q) => q.direct);
  assert.deepEqual(qs.map((q) => [q.speaker, q.text]), [
    ['Lena Dahl', 'He planned it for weeks,'],
    ['Lena Dahl', 'and he told no one.'],
  ]);
});

test('"quoted X as saying" and "reported that" name their sources', () => {
  const quoted = findQuotes('State radio quoted the relief centre in the province of Merrow as saying 12 people were hurt.')[0];
  assert.deepEqual([quoted?.speaker, quoted?.text], ['relief centre', '12 people were hurt']);
  const reported = findQuotes('State television reported that the airport had reopened.')[0];
  assert.deepEqual([reported?.speaker, reported?.text], ['State television', 'the airport had reopened']);
});

test('the outlet that quotes or obtains is not the speaker', () => {
  const q = findQuotes('Airport chief Ali Naghavi was quoted by the Telmar Agency as saying that flights had resumed.')[0];
  assert.deepEqual([q?.speaker, q?.text], ['Ali Naghavi', 'flights had resumed']);
  assert.equal(findQuotes('According to land records obtained by the Telmar Post, the couple sold two homes.')[0]?.speaker, 'land records');
  // After a preposition, whose words a participle brings cannot be told: no quote rather than a wrong one.
  assert.deepEqual(findQuotes('His daughter Ada Lune said her father slept well before saying he was tired.').filter((x) => x.verb === 'saying'), []);
});

test('a person "of" a body is the speaker; a relative clause\u2019s report is not pinned on the sentence subject', () => {
  const q = findQuotes('Pastor Ivo Renn of the Dunlow Chapel said on Saturday, adding that investigators suspected arson.')[0];
  assert.deepEqual([q?.speaker, q?.text], ['Ivo Renn', 'investigators suspected arson']);
  assert.deepEqual(findQuotes('A patrol boat answered a call from sailors on board the Sea Lark, who said they were being fired on.'), []);
  assert.deepEqual(findQuotes('Defender Ivo Lass questioned the witness, who in turn said he had seen the gun before.'), []);
});
