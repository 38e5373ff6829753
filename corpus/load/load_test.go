package load_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// texts returns the paragraph texts of a, checking their numbering.
func texts(t *testing.T, a corpus.Article) []string {
	t.Helper()
	var out []string
	for i, p := range a.Paragraphs {
		if p.Number != i+1 {
			t.Errorf("%s: paragraph %d numbered %d", a.ID, i+1, p.Number)
		}
		out = append(out, p.Text)
	}
	return out
}

func parseOne(t *testing.T, name, data string) corpus.Article {
	t.Helper()
	arts, err := load.ParseFile(name, []byte(data))
	if err != nil {
		t.Fatalf("ParseFile(%s): %v", name, err)
	}
	if len(arts) != 1 {
		t.Fatalf("ParseFile(%s) gave %d articles, want 1", name, len(arts))
	}
	return arts[0]
}

func TestParseFileText(t *testing.T) {
	tests := []struct {
		name, file, data string
		wantTitle        string
		wantParas        []string
	}{
		{
			name:      "headline first line",
			file:      "river.txt",
			data:      "Storm closes mountain pass\n\nSnow drifts blocked the pass on Sunday , police said .\n\nPloughs were sent from the valley.\n",
			wantTitle: "Storm closes mountain pass",
			wantParas: []string{"Snow drifts blocked the pass on Sunday, police said.", "Ploughs were sent from the valley."},
		},
		{
			name:      "headline ending with a question mark",
			file:      "q.txt",
			data:      "Who will lead the new council?\n\nThe vote is set for March.\n",
			wantTitle: "Who will lead the new council?",
			wantParas: []string{"The vote is set for March."},
		},
		{
			name:      "first line is a sentence",
			file:      "city-hall_fire.txt",
			data:      "A fire broke out at city hall late on Friday.\n\nNo one was hurt, the fire brigade said.\n",
			wantTitle: "City hall fire",
			wantParas: []string{"A fire broke out at city hall late on Friday.", "No one was hurt, the fire brigade said."},
		},
		{
			name:      "single paragraph is never eaten by the title",
			file:      "brief_note.txt",
			data:      "Markets closed early\n",
			wantTitle: "Brief note",
			wantParas: []string{"Markets closed early"},
		},
		{
			name:      "hard-wrapped first paragraph is not a headline",
			file:      "wrapped.txt",
			data:      "Officials in the northern province said\non Tuesday that the road would reopen.\n\nA second paragraph.\n",
			wantTitle: "Wrapped",
			wantParas: []string{"Officials in the northern province said on Tuesday that the road would reopen.", "A second paragraph."},
		},
		{
			name:      "byline removed",
			file:      "byline.txt",
			data:      "Dam repairs begin\n\nBy Ana Lopes and Kwame Mensah\n\nWork on the cracked dam started on Monday.\n",
			wantTitle: "Dam repairs begin",
			wantParas: []string{"Work on the cracked dam started on Monday."},
		},
		{
			name:      "furniture lines glued to a block",
			file:      "glued.txt",
			data:      "Skip to content\nThe tram line reopened on Saturday.\nPassengers welcomed the news.\nShare this article\n\nIt had been closed for a month.\n",
			wantTitle: "Glued",
			wantParas: []string{"The tram line reopened on Saturday. Passengers welcomed the news.", "It had been closed for a month."},
		},
		{
			name:      "a wrapped line that looks like furniture stays",
			file:      "wrapped2.txt",
			data:      "The ministry said the figures were\nUpdated on 4 March 2025 and that\nmore would follow.\n\nSecond paragraph here.\n",
			wantTitle: "Wrapped2",
			wantParas: []string{"The ministry said the figures were Updated on 4 March 2025 and that more would follow.", "Second paragraph here."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, tt.file, tt.data)
			if a.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", a.Title, tt.wantTitle)
			}
			if got := texts(t, a); !reflect.DeepEqual(got, tt.wantParas) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tt.wantParas)
			}
			if a.ID != tt.file || a.Path != tt.file {
				t.Errorf("id, path = %q, %q; want %q", a.ID, a.Path, tt.file)
			}
			if len(a.Hash) != 64 {
				t.Errorf("hash %q is not a hex SHA-256", a.Hash)
			}
		})
	}
}

func TestParseFileFrontMatter(t *testing.T) {
	tests := []struct {
		name, data                      string
		title, source, url, author, pub string
		warnings                        int
	}{
		{
			name:  "all fields",
			data:  "---\ntitle: Ferry fares rise\nsource: Coast Daily\nurl: https://coast.example/fares\npublished: 2024-09-01\nauthor: Lin Wei\n---\nFares rise by a tenth from October.\n",
			title: "Ferry fares rise", source: "Coast Daily", url: "https://coast.example/fares", author: "Lin Wei", pub: "2024-09-01",
		},
		{
			name:  "RFC 3339 time and quoted values",
			data:  "---\ntitle: \"Talks: day two\"\npublished: \"2025-01-07T22:15:00-05:00\"\n---\n\nDelegates met again.\n",
			title: "Talks: day two", pub: "2025-01-07",
		},
		{
			name:  "date field and author list",
			data:  "---\ntitle: Harvest report\ndate: 2023-10-12\nauthor: [Ada Byrne, Sol Reyes]\n---\n\nThe harvest was late.\n",
			title: "Harvest report", pub: "2023-10-12", author: "Ada Byrne, Sol Reyes",
		},
		{
			name:  "unparseable values become warnings",
			data:  "---\ntitle: Unclear date\npublished: last Tuesday\nurl: www.example.com/no-scheme\nsource: {name: x}\n---\n\nBody survives.\n",
			title: "Unclear date", warnings: 3,
		},
		{
			name:  "empty front matter falls back to the headline",
			data:  "---\n---\nCanal reopens to barges\n\nThe canal reopened after dredging.\n",
			title: "Canal reopens to barges",
		},
		{
			name:  "unknown fields are ignored",
			data:  "---\ntitle: Tags ignored\ntags: [a, b]\nlayout: post\n---\n\nText.\n",
			title: "Tags ignored",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "fm.txt", tt.data)
			got := []string{a.Title, a.Source, a.URL, a.Author, a.Published.String()}
			want := []string{tt.title, tt.source, tt.url, tt.author, tt.pub}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("title, source, url, author, published = %q, want %q", got, want)
			}
			if len(a.Warnings) != tt.warnings {
				t.Errorf("warnings = %q, want %d", a.Warnings, tt.warnings)
			}
			if len(a.Paragraphs) == 0 {
				t.Error("no paragraphs")
			}
		})
	}
}

func TestParseFileMarkdown(t *testing.T) {
	data := `---
source: Hill Times
---
Intro line before any heading is body text.

# Farmers *block* the **ring road**

A convoy of tractors blocked the [ring road](https://maps.example/ring) for six hours, ` + "`police`" + ` said.
![tractors](https://img.example/t.jpg)

Second heading
--------------

1. First demand: lower fuel prices.
2. Second demand: faster payments.

> "We have no other choice," said _Pieter Claes_, a dairy farmer.

` + "```" + `
code blocks keep their text
` + "```" + `

---

[ref]: https://example.com
Trailing paragraph with snake_case_word kept.
`
	a := parseOne(t, "farm.md", data)
	if a.Title != "Farmers block the ring road" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Source != "Hill Times" {
		t.Errorf("source = %q", a.Source)
	}
	want := []string{
		"Intro line before any heading is body text.",
		"A convoy of tractors blocked the ring road for six hours, police said.",
		"First demand: lower fuel prices.",
		"Second demand: faster payments.",
		`"We have no other choice," said Pieter Claes, a dairy farmer.`,
		"code blocks keep their text",
		"Trailing paragraph with snake_case_word kept.",
	}
	if got := texts(t, a); !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}

	// A heading at the top gives the title; no heading, the file name.
	a = parseOne(t, "top.md", "## Quiet night in the capital\n\nNo incidents were reported.\n")
	if a.Title != "Quiet night in the capital" || len(a.Paragraphs) != 1 {
		t.Errorf("heading title: %q, %d paragraphs", a.Title, len(a.Paragraphs))
	}
	a = parseOne(t, "front-matter-title.md", "---\ntitle: Given title\n---\n# Given title\n\n## Subhead\n\nBody.\n")
	if a.Title != "Given title" || !reflect.DeepEqual(texts(t, a), []string{"Body."}) {
		t.Errorf("front matter title with headings: %q, %q", a.Title, texts(t, a))
	}
}

func TestParseFileHTML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "load", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	a := parseOne(t, "page.html", string(data))
	if a.Title != "Wildfire forces evacuations near Carden" || a.Source != "The Valley Courier" ||
		a.URL != "https://courier.example/2024/08/wildfire-carden" || a.Author != "Priya Nand" || a.Published.String() != "2024-08-14" {
		t.Errorf("metadata = %q %q %q %q %q", a.Title, a.Source, a.URL, a.Author, a.Published)
	}
	all := strings.Join(texts(t, a), "\n")
	for _, banned := range []string{"tracking", "injected", "font-family", "Home", "Sport", "Privacy", "All rights reserved", "Advertisement", "Skip to content", "Related:", "Council election"} {
		if strings.Contains(all, banned) {
			t.Errorf("paragraphs contain %q:\n%s", banned, all)
		}
	}
	for _, want := range []string{
		"A fast-moving wildfire forced the evacuation of about 400 homes",
		"Roads north of the river remain closed.",
		"Air quality warnings are in force until Friday.",
		`"We left with only the clothes we were wearing," said Marta Kell`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("paragraphs lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Wildfire forces evacuations near Carden") {
		t.Error("the headline is repeated as a paragraph")
	}
	if n := len(a.Paragraphs); n != 7 { // 5 <p>, 1 subheading, 2 list items, minus the "Related:" teaser
		t.Errorf("%d paragraphs, want 7:\n%s", n, all)
	}
}

func TestParseFileHTMLFallbacks(t *testing.T) {
	body := strings.Repeat("<p>The regional assembly debated the water bill for a second day on Tuesday, with members from the coast pressing for new reservoirs and inland members warning of the cost to farmers.</p>\n", 4)
	tests := []struct {
		name, page           string
		title, source, pub   string
		wantWarning, wantURL bool
	}{
		{
			name:  "title tag with site suffix, JSON-LD date",
			page:  `<html><head><title>Water bill debate drags on | Plains Herald</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Water bill debate drags on","datePublished":"2024-05-21T10:00:00Z","publisher":{"@type":"Organization","name":"Plains Herald"}}</script></head><body><div>` + body + `</div></body></html>`,
			title: "Water bill debate drags on", source: "Plains Herald", pub: "2024-05-21",
		},
		{
			name:  "og:url when there is no canonical link; odd date format",
			page:  `<html><head><meta property="og:title" content="Assembly vote delayed"><meta property="og:url" content="https://herald.example/vote"><meta property="article:published_time" content="May 22, 2024 9:00 AM"></head><body><article>` + body + `</article></body></html>`,
			title: "Assembly vote delayed", pub: "2024-05-22", wantURL: true,
		},
		{
			name:  "no metadata at all",
			page:  `<html><body><section>` + body + `</section></body></html>`,
			title: "Bare page",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "bare_page.html", tt.page)
			if a.Title != tt.title || a.Source != tt.source || a.Published.String() != tt.pub {
				t.Errorf("title, source, published = %q, %q, %q; want %q, %q, %q", a.Title, a.Source, a.Published, tt.title, tt.source, tt.pub)
			}
			if (a.URL != "") != tt.wantURL {
				t.Errorf("url = %q", a.URL)
			}
			if len(a.Paragraphs) != 4 {
				t.Errorf("%d paragraphs, want 4", len(a.Paragraphs))
			}
		})
	}
}

func TestParseFileHTMLTrailingTeasers(t *testing.T) {
	para := "<p>Officials in the river delta said on Thursday that the new sea wall had held through the storm, sparing thousands of homes from the flooding that hit the region two years ago.</p>\n"
	page := `<html><head><title>Sea wall holds</title></head><body><article>` + strings.Repeat(para, 3) +
		`<p>Sea wall contractors face audit</p><p>Delta towns plan new pumping stations</p><h3>More coverage</h3></article></body></html>`
	a := parseOne(t, "wall.html", page)
	if len(a.Paragraphs) != 3 {
		t.Errorf("%d paragraphs, want the 3 of the article without the trailing links: %q", len(a.Paragraphs), texts(t, a))
	}
}

// TestParseFileHTMLLinkLists leaves out a list whose every item is one
// link (related stories, even one phrased as a question) and keeps a list
// of the article's own points.
func TestParseFileHTMLLinkLists(t *testing.T) {
	para := "<p>Officials in the river delta said on Thursday that the new sea wall had held through the storm, sparing thousands of homes from the flooding that hit the region two years ago.</p>\n"
	page := `<html><head><title>Sea wall holds</title></head><body><main>` + strings.Repeat(para, 3) +
		`<ul><li>The wall is 12 km long and cost $400 million.</li><li>It was finished in <a href="/x">2023</a>, a year late.</li></ul>` +
		`<section><h2>Related</h2><ul><li><a href="/a">Who built the sea wall?</a></li><li><a href="/b">Delta towns plan new pumping stations</a></li></ul></section>` +
		`</main></body></html>`
	a := parseOne(t, "wall.html", page)
	got := texts(t, a)
	for _, p := range got {
		if strings.Contains(p, "Who built") || strings.Contains(p, "pumping stations") {
			t.Errorf("paragraph %q is a link to another story", p)
		}
	}
	if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, "12 km long") }) ||
		!slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, "a year late") }) {
		t.Errorf("paragraphs %q: want the article's own list kept", got)
	}
}

// TestParseFileHTMLBesideTheArticle reads a live page as a blind set has
// it: a licence banner and a cookie prompt beside the page's one
// <article> are no part of the story.
func TestParseFileHTMLBesideTheArticle(t *testing.T) {
	name := "09-bbc-live-rescuers-dig-with-bare-hands.html"
	data, err := os.ReadFile(filepath.Join("..", "testdata", "eval-real-e", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	a := parseOne(t, name, string(data))
	for _, p := range texts(t, a) {
		if strings.Contains(p, "Licence") || strings.Contains(p, "cookies") {
			t.Errorf("paragraph %q is the page's furniture", p)
		}
	}
	if len(a.Paragraphs) < 20 {
		t.Errorf("%d paragraphs, want the live page's entries", len(a.Paragraphs))
	}
}

// TestParseFileHTMLTeaserArticle checks that a page's one <article>, when
// it is a teaser beside the story, does not replace the story.
func TestParseFileHTMLTeaserArticle(t *testing.T) {
	para := "<p>Officials in the river delta said on Thursday that the new sea wall had held through the storm, sparing thousands of homes from the flooding that hit the region two years ago.</p>\n"
	teaser := `<article><h3>Elsewhere</h3><p>` + strings.Repeat("A long teaser for another story about the harbour and its new cranes, with more to read. ", 4) + `</p></article>`
	page := `<html><head><title>Sea wall holds</title></head><body><div class="story">` + strings.Repeat(para, 4) + `</div>` + teaser + `</body></html>`
	a := parseOne(t, "wall.html", page)
	if got := texts(t, a); len(got) < 4 || !strings.Contains(got[0], "sea wall had held") {
		t.Errorf("paragraphs %q, want the story's 4 first", got)
	}
}

func TestParseFileJSON(t *testing.T) {
	single := `{"title": "Bus lanes approved", "source": "Metro", "url": "https://metro.example/bus", "published": "2024-04-04", "author": "K. Obi",
		"body": "The council approved two new bus lanes .\r\n\r\nWork starts in June.\n\nShare this article"}`
	a := parseOne(t, "bus.json", single)
	if a.ID != "bus.json" || a.Title != "Bus lanes approved" || a.Source != "Metro" || a.Published.String() != "2024-04-04" || a.Author != "K. Obi" {
		t.Errorf("single object: %+v", a)
	}
	if got := texts(t, a); !reflect.DeepEqual(got, []string{"The council approved two new bus lanes.", "Work starts in June."}) {
		t.Errorf("single object paragraphs = %q", got)
	}

	array := `[{"id": "m-1", "title": "One", "paragraphs": ["First of one.", "Second of one."]},
		{"title": "Two", "paragraphs": ["Only paragraph of two."], "published": 2024},
		{"paragraphs": ["Harbour cranes idle\n\nNo title field here, so the headline gives it."]},
		{"title": "Bad", "paragraphs": "not an array"}]`
	arts, skipped, err := load.File("set.json", []byte(array))
	if err != nil {
		t.Fatal(err)
	}
	var ids, titles []string
	for _, a := range arts {
		ids, titles = append(ids, a.ID), append(titles, a.Title)
	}
	if !reflect.DeepEqual(ids, []string{"m-1", "set.json#2", "set.json#3"}) || !reflect.DeepEqual(titles, []string{"One", "Two", "Harbour cranes idle"}) {
		t.Errorf("ids %q titles %q", ids, titles)
	}
	if len(arts[1].Warnings) != 1 || !strings.Contains(arts[1].Warnings[0], "published") {
		t.Errorf("numeric published: warnings %q, published %q", arts[1].Warnings, arts[1].Published)
	}
	if len(skipped) != 1 || skipped[0].Path != "set.json" || !strings.HasPrefix(skipped[0].Reason, "record 4: ") {
		t.Errorf("skipped = %+v", skipped)
	}
	if arts[0].Hash == arts[1].Hash {
		t.Error("records share a hash")
	}
}

func TestParseFileJSONL(t *testing.T) {
	lines := strings.Join([]string{
		`{"title": "Line one", "body": "Text of line one."}`,
		`{"title": "Cut off", "body": "no closing`,
		``,
		`{"id": 7, "title": "Numeric id", "paragraphs": ["Text of the third record."]}`,
		`[1, 2, 3]`,
		`{"title": "No text"}`,
		`{"title": "Line seven", "body": "Text of line seven."}`,
	}, "\r\n")
	arts, skipped, err := load.File("wire/feed.jsonl", []byte(lines))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
		if a.Path != "wire/feed.jsonl" {
			t.Errorf("path %q", a.Path)
		}
	}
	if !reflect.DeepEqual(ids, []string{"wire/feed.jsonl#1", "7", "wire/feed.jsonl#6"}) {
		t.Errorf("ids = %q", ids)
	}
	var reasons []string
	for _, s := range skipped {
		reasons = append(reasons, s.Reason[:strings.Index(s.Reason, ":")])
	}
	if !reflect.DeepEqual(reasons, []string{"line 2", "line 5", "line 6"}) {
		t.Errorf("skipped = %+v", skipped)
	}
	// ParseFile keeps the good records and reports no error.
	if got, err := load.ParseFile("wire/feed.jsonl", []byte(lines)); err != nil || len(got) != 3 {
		t.Errorf("ParseFile: %d articles, %v", len(got), err)
	}
	// Windows-1252 text is decoded.
	if got, err := load.ParseFile("old.jsonl", []byte("{\"title\": \"Caf\xe9 reopens\", \"body\": \"The caf\xe9 reopened.\"}\n")); err != nil || got[0].Title != "Café reopens" {
		t.Errorf("Windows-1252 JSONL: %+v, %v", got, err)
	}
	// A record's hash depends only on its own line.
	other, _, err := load.File("x.jsonl", []byte(`{"title": "Line one", "body": "Text of line one."}`+"\n"))
	if err != nil || other[0].Hash != arts[0].Hash {
		t.Errorf("per-record hash differs: %v", err)
	}
}

func TestParseFileEncodings(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"CRLF", []byte("Title line here\r\n\r\nFirst line\r\nsecond line.\r\n\r\nNext paragraph.\r\n"), []string{"First line second line.", "Next paragraph."}},
		{"old Mac CR", []byte("Title line here\r\rOne.\rTwo.\r\rThree.\r"), []string{"One. Two.", "Three."}},
		{"UTF-8 BOM", []byte("\xef\xbb\xbfTitle line here\n\nCafé au lait.\n\nEnd."), []string{"Café au lait.", "End."}},
		{"Windows-1252", []byte("Title line here\n\nThe caf\xe9\x92s owner said \x93no\x94 \x96 twice.\n\nEnd."), []string{"The café’s owner said “no” – twice.", "End."}},
		{"UTF-16 LE with BOM", utf16LE("Title line here\n\nSixteen-bit text.\n\nEnd."), []string{"Sixteen-bit text.", "End."}},
		{"damaged UTF-8", []byte("Title line here\n\nGood é then bad \xff byte.\n\nEnd."), []string{"Good é then bad \ufffd byte.", "End."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "enc.txt", string(tt.data))
			if got := texts(t, a); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
			if a.Title != "Title line here" {
				t.Errorf("title = %q", a.Title)
			}
		})
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestParseFileErrors(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       error
	}{
		{"unknown extension", "scan.pdf", []byte("%PDF-1.7"), load.ErrUnknownFormat},
		{"no extension", "README", []byte("Some text."), load.ErrUnknownFormat},
		{"NUL bytes", "blob.txt", []byte("GIF89a\x00\x01\x02\x00text"), load.ErrBinary},
		{"control characters", "noise.md", bytes.Repeat([]byte{0x01, 0x02, 'a', 0x03, 0x04, 0x05}, 50), load.ErrBinary},
		{"empty", "empty.txt", nil, load.ErrEmpty},
		{"whitespace only", "blank.md", []byte(" \r\n\t\n"), load.ErrEmpty},
		{"only furniture", "menu.txt", []byte("Home | News | Sport\n\nAdvertisement\n\n© 2024 Site\n"), load.ErrNoText},
		{"only a heading", "head.md", []byte("# Just a heading\n"), load.ErrNoText},
		{"front matter never closed", "open.md", []byte("---\ntitle: x\n\nBody.\n"), load.ErrFrontMatter},
		{"front matter only a delimiter", "dash.txt", []byte("---"), load.ErrFrontMatter},
		{"front matter without body", "nobody.txt", []byte("---\ntitle: Lonely\n---\n"), load.ErrNoText},
		{"too large", "huge.txt", bytes.Repeat([]byte("a"), load.MaxFileSize+1), load.ErrTooLarge},
		{"invalid JSON", "bad.json", []byte(`{"title": "x", `), load.ErrBadJSON},
		{"JSON scalar", "num.json", []byte(`42`), load.ErrBadRecord},
		{"JSON without text", "notext.json", []byte(`{"title": "x"}`), load.ErrBadRecord},
		{"empty JSON array", "none.json", []byte(`[]`), load.ErrEmpty},
		{"JSONL all bad", "bad.jsonl", []byte("{\n}{\n"), load.ErrNoText},
		{"HTML without content", "menu.html", []byte(`<html><head><script>var a = "text";</script></head><body><nav><a href="/">Home</a></nav></body></html>`), load.ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := load.ParseFile(tt.file, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ParseFile(%s) error = %v, want %v", tt.file, err, tt.want)
			}
			if arts != nil {
				t.Errorf("articles returned with the error: %d", len(arts))
			}
		})
	}
}

func TestLoadFixtures(t *testing.T) {
	res, err := load.Dir(context.Background(), filepath.Join("testdata", "load"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
		if len(a.Paragraphs) == 0 || a.Title == "" {
			t.Errorf("%s: title %q, %d paragraphs", a.ID, a.Title, len(a.Paragraphs))
		}
	}
	wantIDs := []string{
		"42", "badyaml.txt", "crlf.txt", "feed.jsonl#1", "frontmatter.txt", "latin1.txt", "many.json#2", "notes.md",
		"page.html", "plain.txt", "single.json", "sub/deeper/unicode.txt", "sub/nested.txt", "warnings.md", "wire-001",
	}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("articles:\n got %q\nwant %q", ids, wantIDs)
	}
	wantSkipped := map[string][]string{
		"binary.txt":      {"binary"},
		"broken.json":     {"invalid JSON"},
		"empty.txt":       {"empty file"},
		"feed.jsonl":      {"line 2: invalid JSON", "line 5: bad record: body is not a string"},
		"furniture.txt":   {"no paragraphs"},
		"many.json":       {"record 3: no paragraphs", "record 4: bad record"},
		"nojs.html":       {"no article text"},
		"report.pdf":      {`unknown file type ".pdf"`},
		"unterminated.md": {"broken front matter: opened with --- but never closed"},
	}
	got := map[string][]string{}
	for _, s := range res.Skipped {
		got[s.Path] = append(got[s.Path], s.Reason)
	}
	if len(got) != len(wantSkipped) {
		t.Errorf("skipped %d files, want %d: %+v", len(got), len(wantSkipped), res.Skipped)
	}
	for path, wants := range wantSkipped {
		reasons := got[path]
		if len(reasons) != len(wants) {
			t.Errorf("%s: reasons %q, want %d", path, reasons, len(wants))
			continue
		}
		for i, w := range wants {
			if !strings.Contains(reasons[i], w) {
				t.Errorf("%s: reason %q lacks %q", path, reasons[i], w)
			}
		}
	}
	for _, s := range res.Skipped {
		if strings.HasPrefix(s.Path, ".") || strings.HasPrefix(s.Path, "_") {
			t.Errorf("ignored file reported: %+v", s)
		}
	}
	if !slices.IsSortedFunc(res.Skipped, func(a, b corpus.Skipped) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("skipped files are not sorted by path")
	}

	// Loading is deterministic.
	again, err := load.Dir(context.Background(), filepath.Join("testdata", "load"))
	if err != nil || !reflect.DeepEqual(res, again) {
		t.Errorf("second load differs (err %v)", err)
	}
}

func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "Good headline here\n\nGood body text.\n")
	write("target/inside.txt", "Linked dir text\n\nInside a linked directory.\n")
	big, err := os.Create(filepath.Join(dir, "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(load.MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	big.Close()
	if err := os.Symlink("does-not-exist.txt", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("good.txt", filepath.Join(dir, "alias.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("target", filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	asRoot := os.Geteuid() == 0
	if !asRoot {
		write("locked.txt", "Locked\n\nNobody may read this.\n")
		if err := os.Chmod(filepath.Join(dir, "locked.txt"), 0); err != nil {
			t.Fatal(err)
		}
		write("lockeddir/a.txt", "A\n\nText.\n")
		if err := os.Chmod(filepath.Join(dir, "lockeddir"), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(filepath.Join(dir, "lockeddir"), 0o755) })
	}

	res, err := load.Dir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	if want := []string{"alias.txt", "good.txt", "target/inside.txt"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("articles %q, want %q", ids, want)
	}
	want := map[string]string{
		"big.txt":      "file too large",
		"dangling.txt": "cannot read",
		"linkdir":      "symbolic link to a directory",
	}
	if !asRoot {
		want["locked.txt"] = "cannot read: permission denied"
		want["lockeddir"] = "cannot read: permission denied"
	} else {
		t.Log("running as root: permission checks are not enforced, unreadable-by-permission cases left out")
	}
	got := map[string]string{}
	for _, s := range res.Skipped {
		got[s.Path] = s.Reason
	}
	if len(got) != len(want) {
		t.Errorf("skipped %+v, want %d entries", res.Skipped, len(want))
	}
	for p, w := range want {
		if !strings.Contains(got[p], w) {
			t.Errorf("%s: reason %q, want it to contain %q", p, got[p], w)
		}
	}
}

// TestLoadSymlinks checks that a symbolic link is followed only to a file
// inside the corpus that would be read anyway, never to a file elsewhere
// on the machine (a link to /etc/passwd) or to a hidden one.
func TestLoadSymlinks(t *testing.T) {
	base := t.TempDir()
	dir, outside := filepath.Join(base, "corpus"), filepath.Join(base, "outside")
	write := func(p, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "good.txt"), "Good headline here\n\nGood body text.\n")
	write(filepath.Join(dir, ".git", "notes.txt"), "Hidden notes\n\nA secret kept in a hidden folder.\n")
	write(filepath.Join(dir, "_drafts", "draft.txt"), "Draft headline\n\nA secret draft.\n")
	write(filepath.Join(outside, "passwd.txt"), "Outside headline\n\nA secret from outside the corpus.\n")
	links := []struct {
		link, target, want string // want: "" when followed, else the reason's start
	}{
		{"alias.txt", "good.txt", ""},
		{"sub/deep.txt", "../good.txt", ""},
		{"absolute-outside.txt", filepath.Join(outside, "passwd.txt"), "symbolic link to outside the corpus"},
		{"relative-outside.txt", "../outside/passwd.txt", "symbolic link to outside the corpus"},
		{"sub/up-and-out.txt", "../../outside/passwd.txt", "symbolic link to outside the corpus"},
		{"outside-dir", outside, "symbolic link to outside the corpus"},
		{"hidden.txt", ".git/notes.txt", "symbolic link to a hidden or ignored file"},
		{"draft.txt", "_drafts/draft.txt", "symbolic link to a hidden or ignored file"},
		{"root", ".", "symbolic link to a directory"},
	}
	for _, l := range links {
		p := filepath.Join(dir, filepath.FromSlash(l.link))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(l.target, p); err != nil {
			t.Fatal(err)
		}
	}

	res, err := load.Dir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	read := map[string]bool{}
	for _, a := range res.Articles {
		read[a.Path] = true
		for _, p := range a.Paragraphs {
			if strings.Contains(p.Text, "secret") {
				t.Errorf("%s: indexed text from a file it links to: %q", a.Path, p.Text)
			}
		}
	}
	reasons := map[string]string{}
	for _, s := range res.Skipped {
		reasons[s.Path] = s.Reason
	}
	for _, l := range links {
		switch {
		case l.want == "" && !read[l.link]:
			t.Errorf("%s -> %s: not read (skipped: %q), want it followed", l.link, l.target, reasons[l.link])
		case l.want != "" && !strings.HasPrefix(reasons[l.link], l.want):
			t.Errorf("%s -> %s: reason %q, want it skipped with %q", l.link, l.target, reasons[l.link], l.want)
		}
	}
}

func TestLoadDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(`{"id": "same", "title": "First", "body": "One."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.json"), []byte(`[{"id": "same", "title": "Second", "body": "Two."}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := load.Dir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || res.Articles[0].Path != "a.jsonl" {
		t.Fatalf("articles %+v", res.Articles)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Path != "b.json" || !strings.Contains(res.Skipped[0].Reason, `duplicate article id "same"`) {
		t.Errorf("skipped %+v", res.Skipped)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := load.Dir(context.Background(), filepath.Join(dir, "missing")); corpus.ErrorCode(err) != corpus.EINVALID {
		t.Errorf("missing dir: %v (code %q)", err, corpus.ErrorCode(err))
	}
	file := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load.Dir(context.Background(), file); corpus.ErrorCode(err) != corpus.EINVALID {
		t.Errorf("file as dir: %v", err)
	}
	if _, err := load.Fingerprint(context.Background(), filepath.Join(dir, "missing")); corpus.ErrorCode(err) != corpus.EINVALID {
		t.Errorf("fingerprint of missing dir: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := load.Dir(ctx, filepath.Join("testdata", "load")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled load: %v", err)
	}
	// A corpus directory that is a symbolic link is walked.
	link := filepath.Join(dir, "corpus-link")
	target, err := filepath.Abs(filepath.Join("testdata", "load"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if res, err := load.Dir(context.Background(), link); err != nil || len(res.Articles) == 0 {
		t.Errorf("symlinked corpus: %d articles, %v", len(res.Articles), err)
	}
	// An empty corpus is not an error.
	res, err := load.Dir(context.Background(), t.TempDir())
	if err != nil || len(res.Articles) != 0 || len(res.Skipped) != 0 {
		t.Errorf("empty corpus: %+v, %v", res, err)
	}
}

func TestFingerprint(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("Headline here\n\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fp := func() string {
		t.Helper()
		s, err := load.Fingerprint(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := fp()
	if first == "" || fp() != first {
		t.Fatal("fingerprint empty or unstable")
	}
	seen := map[string]string{first: "initial"}
	step := func(what string, change func() error) {
		t.Helper()
		if err := change(); err != nil {
			t.Fatal(err)
		}
		got := fp()
		if prev, dup := seen[got]; dup {
			t.Errorf("after %s the fingerprint equals the one after %s", what, prev)
		}
		seen[got] = what
	}
	step("adding a file", func() error {
		return os.WriteFile(filepath.Join(dir, "b.md"), []byte("# B\n\nText.\n"), 0o644)
	})
	step("editing a file (same size)", func() error {
		if err := os.WriteFile(path, []byte("Headline here\n\nBODY.\n"), 0o644); err != nil {
			return err
		}
		later := time.Now().Add(time.Hour)
		return os.Chtimes(path, later, later)
	})
	step("growing a file", func() error {
		return os.WriteFile(path, []byte("Headline here\n\nA longer body.\n"), 0o644)
	})
	step("adding a file in a subdirectory", func() error {
		if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "sub", "c.txt"), []byte("C\n"), 0o644)
	})
	step("removing a file", func() error { return os.Remove(filepath.Join(dir, "b.md")) })

	before := fp()
	if err := os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_draft.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fp() != before {
		t.Error("ignored files changed the fingerprint")
	}
}

// TestSeedArticle checks the bundled article: its front matter, its
// site-furniture last line dropped by the general rules, and its stray
// spaces before punctuation repaired.
func TestSeedArticle(t *testing.T) {
	dir := filepath.Join("..", "articles")
	raw, err := os.ReadFile(filepath.Join(dir, "000_325ffa9ff300ae2d.md"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Dir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) != 0 || len(res.Articles) == 0 {
		t.Fatalf("skipped %+v, %d articles", res.Skipped, len(res.Articles))
	}
	a := res.Articles[0]
	if a.ID != "000_325ffa9ff300ae2d.md" || a.Published.String() != "2025-03-10" || a.Source != "" || a.URL != "" || len(a.Warnings) != 0 {
		t.Errorf("seed metadata: id %q published %q source %q url %q warnings %q", a.ID, a.Published, a.Source, a.URL, a.Warnings)
	}
	if !strings.Contains(a.Title, "Assad") || !strings.Contains(a.Title, "coast") {
		t.Errorf("seed title %q does not describe the article", a.Title)
	}
	// Every blank-line block of the body is a paragraph, except the last
	// line, which is site furniture.
	_, body, _ := strings.Cut(strings.TrimPrefix(string(raw), "---\n"), "\n---\n")
	blocks := 0
	var last string
	for b := range strings.SplitSeq(strings.TrimSpace(body), "\n\n") {
		if strings.TrimSpace(b) != "" {
			blocks++
			last = strings.TrimSpace(b)
		}
	}
	if len(a.Paragraphs) != blocks-1 {
		t.Errorf("%d paragraphs, want %d (all blocks but the furniture line)", len(a.Paragraphs), blocks-1)
	}
	for _, p := range a.Paragraphs {
		if p.Text == last || strings.Contains(p.Text, "|") {
			t.Errorf("furniture line kept as paragraph %d: %q", p.Number, p.Text)
		}
		if strings.Contains(p.Text, " ,") || strings.Contains(p.Text, " .") {
			t.Errorf("paragraph %d keeps a space before punctuation: %q", p.Number, p.Text)
		}
		if !utf8.ValidString(p.Text) || strings.ContainsAny(p.Text, "\n\t") {
			t.Errorf("paragraph %d not normalised: %q", p.Number, p.Text)
		}
	}
	if !strings.Contains(strings.Join(texts(t, a), "\n"), "streets, in") {
		t.Error(`"streets , in" was not repaired`)
	}
}

// TestLoadSynthRoundTrip checks that articles written by WriteCorpus load
// back exactly: the benchmark corpus goes through Dir.
func TestLoadSynthRoundTrip(t *testing.T) {
	dir := t.TempDir()
	want := synth.Articles(5, 3000)
	if err := synth.WriteCorpus(dir, want); err != nil {
		t.Fatal(err)
	}
	res, err := load.Dir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) != 0 || len(res.Articles) != len(want) {
		t.Fatalf("%d articles, skipped %+v; want %d", len(res.Articles), res.Skipped, len(want))
	}
	for i, got := range res.Articles {
		w := want[i]
		if got.ID != w.ID || got.Title != w.Title || got.Source != w.Source || got.URL != w.URL ||
			got.Author != w.Author || got.Published != w.Published || got.Hash != w.Hash {
			t.Errorf("article %s metadata differs:\n got %+v\nwant %+v", w.ID, got, w)
		}
		if !reflect.DeepEqual(texts(t, got), texts(t, w)) {
			t.Errorf("article %s paragraphs differ", w.ID)
		}
	}
}

func TestSourceFromDateline(t *testing.T) {
	tests := []struct{ body, want string }{
		{"Mine collapse kills dozens\n\nBUKAVU, Congo, March 14 (Reuters) - At least 32 miners were killed when a shaft collapsed, officials said.", "Reuters"},
		{"Strike hits capital\n\nKINSHASA, Congo (AP) — Officials said on Monday that the strike had ended.", "Associated Press"},
		{"A quiet day\n\nResidents said the market reopened on Monday after a week of closures.", ""},
	}
	for _, tt := range tests {
		arts, err := load.ParseFile("story.txt", []byte(tt.body))
		if err != nil {
			t.Fatalf("ParseFile: %v", err)
		}
		if got := arts[0].Source; got != tt.want {
			t.Errorf("source of %.30q = %q, want %q", tt.body, got, tt.want)
		}
	}
}

// TestFrontMatterFallback checks that front matter YAML cannot read is read
// as key: value lines with a warning, and that the article is kept.
func TestFrontMatterFallback(t *testing.T) {
	tests := []struct {
		name, data    string
		title, source string
		published     string
		warningPrefix string
	}{
		{"colon in the title", "---\ntitle: Brief: curfew lifted in Baniyas\nsource: Example Times\npublished: 2025-03-12\n---\nThe curfew was lifted.\n",
			"Brief: curfew lifted in Baniyas", "Example Times", "2025-03-12", "front matter is not valid YAML"},
		{"unclosed quote", "---\ntitle: \"unclosed\nsource: 'Wire'\n---\nBody.\n", "\"unclosed", "Wire", "", "front matter is not valid YAML"},
		{"unclosed bracket", "---\ntitle: [unclosed\ndate: 2025-03-10\n---\nBody text.\n", "[unclosed", "", "2025-03-10", "front matter is not valid YAML"},
		{"a YAML list", "---\n- a\n- b\n---\nBody.\n", "", "", "", "front matter ignored"},
		{"valid YAML keeps no warning", "---\ntitle: \"Brief: curfew lifted\"\n---\nBody.\n", "Brief: curfew lifted", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "story.md", tt.data)
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if a.Source != tt.source {
				t.Errorf("source %q, want %q", a.Source, tt.source)
			}
			if got := a.Published.String(); tt.published != "" && got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
			if len(a.Paragraphs) == 0 {
				t.Error("no paragraphs")
			}
			switch {
			case tt.warningPrefix == "" && len(a.Warnings) > 0:
				t.Errorf("warnings %q, want none", a.Warnings)
			case tt.warningPrefix != "" && (len(a.Warnings) == 0 || !strings.HasPrefix(a.Warnings[0], tt.warningPrefix)):
				t.Errorf("warnings %q, want one starting %q", a.Warnings, tt.warningPrefix)
			}
		})
	}
}

// TestParseFileJSONFieldNames: the names exports give an article's fields
// (schema.org's headline and articleBody, a scraper's text and date) are
// read as newsdesk's own.
func TestParseFileJSONFieldNames(t *testing.T) {
	tests := []struct{ name, record string }{
		{"text and date", `{"title": "Bus lanes approved", "outlet": "Metro", "link": "https://metro.example/bus", "date": "2024-04-04", "text": "The council approved two new bus lanes.\n\nWork starts in June."}`},
		{"schema.org", `{"headline": "Bus lanes approved", "publisher": "Metro", "url": "https://metro.example/bus", "datePublished": "2024-04-04", "articleBody": "The council approved two new bus lanes.\n\nWork starts in June."}`},
		{"content", `{"title": "Bus lanes approved", "source": "Metro", "url": "https://metro.example/bus", "published_at": "2024-04-04", "content": "The council approved two new bus lanes.\n\nWork starts in June."}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "bus.json", tt.record)
			if a.Title != "Bus lanes approved" || a.Source != "Metro" || a.URL != "https://metro.example/bus" || a.Published.String() != "2024-04-04" {
				t.Errorf("article = %+v", a)
			}
			if got := texts(t, a); !reflect.DeepEqual(got, []string{"The council approved two new bus lanes.", "Work starts in June."}) {
				t.Errorf("paragraphs = %q", got)
			}
		})
	} // A field by another name is named as the record has it.
	_, skipped, err := load.File("bad.jsonl", []byte(`{"title": "Bus lanes", "text": 5}`+"\n"+`{"title": "Bus lanes"}`+"\n"))
	if err == nil {
		t.Fatal("no error for a file of bad records")
	}
	if len(skipped) != 2 || !strings.Contains(skipped[0].Reason, "text is not a string") || !strings.Contains(skipped[1].Reason, "nor text, content") {
		t.Errorf("skipped = %+v", skipped)
	}
}
