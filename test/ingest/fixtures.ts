/** Invented feeds and articles shared by the ingest tests. */
export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Elsworth Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Ferry terminal approved after two-year review</title>
    <link>https://courier.example/news/ferry-terminal?utm_source=rss</link>
    <guid isPermaLink="false">courier-1001</guid>
    <pubDate>Tue, 04 Mar 2025 09:30:00 +0000</pubDate>
    <dc:creator>Mara Lindqvist</dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The harbour authority of Port Elsworth approved the new ferry terminal on Tuesday &amp; set a budget.</p><p>Work starts in May.</p>]]></content:encoded>
  </item>
  <item>
    <title></title>
  </item>
  <item>
    <title>Council delays vote on tram line</title>
    <link>https://courier.example/news/tram-vote</link>
    <description>&lt;p&gt;The city council postponed its vote on the eastern tram line until April.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Post</title>
  <entry>
    <id>tag:valleypost.example,2025:ferry</id>
    <title>Port Elsworth gets its ferry terminal</title>
    <link rel="alternate" href="https://valleypost.example/2025/03/ferry"/>
    <link rel="enclosure" href="https://valleypost.example/photo.jpg"/>
    <published>2025-03-04T11:00:00Z</published>
    <author><name>Tomas Reyes</name></author>
    <content type="html">&lt;p&gt;Port Elsworth will get a ferry terminal, the harbour authority decided.&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>tag:valleypost.example,2025:xhtml</id>
    <title>Tram vote delayed</title>
    <updated>2025-03-05T08:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The council <b>postponed</b> the tram vote.</p></div></content>
  </entry>
  <entry>
    <id>tag:valleypost.example,2025:text</id>
    <title>Plain entry</title>
    <summary>A summary in plain text.</summary>
  </entry>
</feed>`;

export const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Ridge Times',
  items: [
    { id: 'rt-77', url: 'https://ridgetimes.example/mine', title: 'Mine to close in June', content_html: '<p>The Ridge copper mine will close in June, its owner said.</p>', date_published: '2025-02-01T07:00:00+01:00', authors: [{ name: 'Lea Novak' }], _rt: { premium: false } },
    'not an object',
    { id: 'rt-78', content_text: 'Miners met the owner on Friday.', title: 'Miners meet owner' },
  ],
});

export const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>My news</title></head><body>
  <outline text="Local"><outline text="Courier" type="rss" xmlUrl="https://courier.example/rss"/>
  <outline text="Post" type="rss" xmlUrl="https://valleypost.example/atom"/></outline>
  <outline text="No feed here"/>
</body></opml>`;


/** An invented wire story, long enough for the near-duplicate checks. */
export const WIRE_STORY = `Rescue crews pulled 23 fishermen from the sea on Monday after a storm capsized four trawlers off the coast of Marlow Bay, the regional coast guard said.

The boats had left port before dawn despite a warning issued on Sunday evening, coast guard spokeswoman Irene Calder told reporters at the harbour. Two men were taken to the district hospital with hypothermia and one remains in intensive care.

"The wind rose faster than anyone expected and the waves reached six metres within an hour," Calder said. A helicopter from the naval air station at Fennick joined three lifeboats in the search, which lasted more than seven hours.`;

/** The wire story as another outlet ran it: its own opening line, a local edit, the end cut. */
export const WIRE_REPUBLISHED = `Coastal towns across the region counted the cost of the weekend storm on Monday.

Rescue crews pulled 23 fishermen from the sea on Monday after a storm capsized four trawlers off the coast of Marlow Bay, the regional coast guard said.

The boats had left port before dawn despite a warning issued on Sunday evening, coast guard spokeswoman Irene Calder told our reporter. Two men were taken to the district hospital with hypothermia and one remains in intensive care.`;

/** A different, unrelated invented article. */
export const OTHER_STORY = `The city council of Brannock voted on Thursday to extend the eastern tram line by four stops, ending a dispute that had delayed the project for three years.

Construction will begin in the autumn and the first trams are expected to run on the new section in 2027, the transport department said. Shop owners on Mill Street, who had opposed the plan, were promised compensation for the months of roadworks.`;
