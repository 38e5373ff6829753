package bot_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdesk/newsdesk/bot"
	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
)

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain words, nothing else", "plain words, nothing else"},
		{"a *bold* and _italic_ claim", `a \*bold\* and \_italic\_ claim`},
		{"~~struck~~ and ||spoiler|| and `code`", `\~\~struck\~\~ and \|\|spoiler\|\| and \` + "`code\\`"},
		{"[click](https://evil.example)", `\[click\]\(https://evil.example\)`},
		{"# Heading\n> quote\n- item\n1. first", "\\# Heading\n\\> quote\n\\- item\n1\\. first"},
		{"a back\\slash", `a back\\slash`},
		{"rates rose 3 - 4 > 2 # points", "rates rose 3 - 4 > 2 # points"},
		{"ping @everyone and @here", "ping @\u200beveryone and @\u200bhere"},
		{"user <@123> role <@&456> channel <#789>", "user <\u200b@123> role <\u200b@&456> channel <\u200b#789>"},
		{"less < more", "less < more"},
	}
	for _, tt := range tests {
		if got := bot.EscapeMarkdown(tt.in); got != tt.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTrimText(t *testing.T) {
	long := "The first sentence is short. The second one is a little longer than that. The third sentence runs on and on for a while."
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"fits", "Short text.", 100, "Short text."},
		{"sentence boundary", long, 80, "The first sentence is short. The second one is a little longer than that. …"},
		{"first sentence only", long, 50, "The first sentence is short. …"},
		{"word boundary when no sentence fits", "Onewordthatislong and another word here", 25, "Onewordthatislong and …"},
		{"abbreviation is not a sentence end", "Gen. Smith arrived. Then more words followed here.", 30, "Gen. Smith arrived. …"},
		{"multibyte", "Ça coûte cher. Très très cher à Marseille.", 20, "Ça coûte cher. …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bot.TrimText(tt.in, tt.max)
			if got != tt.want {
				t.Errorf("TrimText = %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.max {
				t.Errorf("TrimText gave %d characters, max %d", n, tt.max)
			}
		})
	}
}

func FuzzTrimText(f *testing.F) {
	f.Add("A sentence. Another one! And a question? Yes.", 20)
	f.Add("naïve café résumé déjà vu", 9)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 0 || max > 5000 || !utf8.ValidString(s) {
			return
		}
		var got string
		fuzzcheck.Within(t, func() { got = bot.TrimText(s, max) })
		if n := utf8.RuneCountInString(got); n > max {
			t.Fatalf("TrimText(%q, %d) = %q: %d characters", s, max, got, n)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("TrimText(%q, %d) = %q: invalid UTF-8", s, max, got)
		}
		// Every word kept is a whole word of the input.
		in := strings.Fields(s)
		words := map[string]bool{}
		for _, w := range in {
			words[w] = true
		}
		for _, w := range strings.Fields(strings.TrimSuffix(got, bot.Ellipsis)) {
			if !words[w] {
				t.Fatalf("TrimText(%q, %d) = %q: %q is not a word of the input", s, max, got, w)
			}
		}
	})
}

func TestEmphasize(t *testing.T) {
	tests := []struct {
		text       string
		highlights []string
		want       string
	}{
		{"Mirela Stanek said the pumps would run.", []string{"Mirela", "Stanek"}, "**Mirela Stanek** said the pumps would run."},
		{"At least 1,300 people died, officials said.", []string{"1,300", "died"}, "At least **1,300** people **died**, officials said."},
		{"The *official* toll rose.", []string{"toll"}, `The \*official\* **toll** rose.`},
		{"Stanekovich is not Stanek.", []string{"stanek"}, "Stanekovich is not **Stanek**."},
	}
	for _, tt := range tests {
		if got := bot.Emphasize(tt.text, tt.highlights); got != tt.want {
			t.Errorf("Emphasize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// bigAnswer is an answer whose text is far over every limit, full of
// markdown and mentions.
func bigAnswer(n int) corpus.Answer {
	sentence := "Officials said *dozens* of _people_ were hurt near the [harbour](x) @everyone <@42>. "
	return corpus.Answer{
		Text:        strings.Repeat(sentence, 80),
		Paragraph:   n,
		Article:     corpus.ArticleRef{ID: "a" + strings.Repeat("b", n) + ".md", Title: strings.Repeat("A very long headline ", 30), Source: "Harbour Gazette", URL: "https://gazette.example/x", Published: corpus.DateOf(time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC))},
		Attribution: []string{"Coastal Relief Council"},
		Figures:     []corpus.Figure{{Count: 14, CountText: "at least 14", Qualifier: "at least", Who: "people", What: "killed", Reported: corpus.DateOf(time.Date(2024, 5, 19, 0, 0, 0, 0, time.UTC))}},
		Highlights:  []string{"harbour", "people"},
	}
}

func TestRenderAnswersLimits(t *testing.T) {
	for _, n := range []int{1, 3, 10} {
		res := &corpus.Result{Query: "who is @everyone " + strings.Repeat("x", 3000), Intent: corpus.IntentWho, Subject: "Stanek", More: true}
		for i := range n {
			res.Answers = append(res.Answers, bigAnswer(i+1))
		}
		r := bot.RenderAnswers(res, bot.Page{Kind: bot.KindAsk, Query: "who is Stanek"})
		if got := utf8.RuneCountInString(r.Content); got > bot.MaxContent {
			t.Errorf("%d answers: content has %d characters", n, got)
		}
		if strings.Contains(r.Content, "@everyone") {
			t.Errorf("content can ping: %q", r.Content[:80])
		}
		if len(r.Embeds) == 0 || len(r.Embeds) > bot.MaxEmbeds {
			t.Fatalf("%d answers: %d embeds", n, len(r.Embeds))
		}
		total := 0
		for _, e := range r.Embeds {
			total += bot.EmbedSize(e)
			if c := utf8.RuneCountInString(e.Title); c > bot.MaxTitle {
				t.Errorf("title has %d characters", c)
			}
			if c := utf8.RuneCountInString(e.Description); c > bot.MaxDescription {
				t.Errorf("description has %d characters", c)
			}
			if len(e.Fields) > bot.MaxFields {
				t.Errorf("%d fields", len(e.Fields))
			}
			checkBalancedMarkdown(t, e.Description)
			if strings.Contains(e.Description, "@everyone") || strings.Contains(e.Description, "<@42>") {
				t.Errorf("description can ping")
			}
			if !strings.Contains(e.Description, "— Coastal Relief Council") {
				t.Errorf("description lacks the attribution line")
			}
			if !strings.Contains(e.Description, "≥14 people killed · reported 2024-05-19") {
				t.Errorf("description lacks the figures line: %q", e.Description[len(e.Description)-200:])
			}
			if e.Footer == nil || !strings.HasPrefix(e.Footer.Text, "Harbour Gazette · 2024-05-20 · ¶") {
				t.Errorf("footer = %+v", e.Footer)
			}
			if e.URL != "https://gazette.example/x" {
				t.Errorf("title link = %q", e.URL)
			}
		}
		if total > bot.MaxEmbedTotal {
			t.Errorf("%d answers: embeds total %d characters", n, total)
		}
		if len(r.Components) != 1 {
			t.Fatalf("%d answers: %d component rows", n, len(r.Components))
		}
		row := r.Components[0].(discordgo.ActionsRow)
		if len(row.Components) > 5 {
			t.Errorf("%d buttons in a row", len(row.Components))
		}
		more := row.Components[0].(discordgo.Button)
		p, ok := bot.ParseCustomID(more.CustomID)
		if more.Label != "More" || !ok || p.Offset != len(r.Embeds) || p.Query != "who is Stanek" {
			t.Errorf("More button = %+v (%+v, %v)", more, p, ok)
		}
		for _, c := range row.Components {
			if id := c.(discordgo.Button).CustomID; len(id) > bot.MaxCustomID {
				t.Errorf("custom_id %q has %d bytes", id, len(id))
			}
		}
	}
}

// checkBalancedMarkdown fails when s has an odd number of unescaped "**"
// or ends in a lone backslash: a cut in the middle of markdown.
func checkBalancedMarkdown(t *testing.T, s string) {
	t.Helper()
	unescaped := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			if i == len(s)-1 {
				t.Errorf("ends in a lone backslash: %q", s)
			}
			i++
		case s[i] == '*' && i+1 < len(s) && s[i+1] == '*':
			unescaped++
			i++
		}
	}
	if unescaped%2 != 0 {
		t.Errorf("unbalanced bold markers in %q", s)
	}
}

func TestRenderNoPingAndEscapedTitles(t *testing.T) {
	a := corpus.Answer{
		Text:    "Crowds chanted @here and <@&123> outside the ministry.",
		Article: corpus.ArticleRef{ID: "x.md", Title: "**Breaking** _news_ @everyone", URL: "javascript:alert(1)"},
	}
	e := bot.AnswerEmbed(a, 4096)
	if e.Title != `\*\*Breaking\*\* \_news\_ @`+"\u200b"+`everyone` {
		t.Errorf("title = %q", e.Title)
	}
	if e.URL != "" {
		t.Errorf("unsafe URL kept: %q", e.URL)
	}
	if strings.Contains(e.Description, "@here") || strings.Contains(e.Description, "<@&") {
		t.Errorf("description can ping: %q", e.Description)
	}
}

func TestNoMentionsJSON(t *testing.T) {
	// Every send path uses NoMentions; it must marshal to an explicit empty list.
	for name, v := range map[string]any{
		"response":  discordgo.InteractionResponseData{AllowedMentions: bot.NoMentions()},
		"edit":      discordgo.WebhookEdit{AllowedMentions: bot.NoMentions()},
		"follow-up": discordgo.WebhookParams{AllowedMentions: bot.NoMentions()},
		"message":   discordgo.MessageSend{AllowedMentions: bot.NoMentions()},
	} {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), `"allowed_mentions":{"parse":[],"replied_user":false}`) {
			t.Errorf("%s: %s", name, data)
		}
	}
}

func TestCustomIDRoundTrip(t *testing.T) {
	day := func(s string) corpus.Date { d, _ := corpus.ParseDate(s); return d }
	tests := []bot.Page{
		{Kind: bot.KindAsk, Offset: 3, Query: "who is Mirela Stanek"},
		{Kind: bot.KindWho, Offset: 6, Query: "Mirela Stanek"},
		{Kind: bot.KindToll, Offset: 3, Query: ""},
		{Kind: bot.KindToll, Offset: 9, Query: "Corvana: old port"},
		{Kind: bot.KindSearch, Offset: 3, Query: "desalination | plant", Source: "Harbour Gazette", From: day("2024-05-01"), To: day("2024-06-30")},
		{Kind: bot.KindSearch, Offset: 30, Query: "pumps"},
	}
	for _, p := range tests {
		id := p.CustomID()
		if len(id) > bot.MaxCustomID {
			t.Errorf("%q: %d bytes", id, len(id))
		}
		got, ok := bot.ParseCustomID(id)
		if !ok || got != p {
			t.Errorf("ParseCustomID(%q) = %+v, %v; want %+v", id, got, ok, p)
		}
	}
	// A long question is stored truncated at a word boundary.
	long := bot.Page{Kind: bot.KindAsk, Offset: 3, Query: strings.Repeat("what did the spokeswoman say ", 10)}
	id := long.CustomID()
	got, ok := bot.ParseCustomID(id)
	if len(id) > bot.MaxCustomID || !ok || !strings.HasPrefix(long.Query, got.Query) || strings.HasSuffix(got.Query, " ") || got.Query == "" {
		t.Errorf("long query: id %q (%d bytes) → %+v", id, len(id), got)
	}
	ref := bot.ContextRef{ArticleID: "2024/desal.md#3", Paragraph: 12}
	cid, ok := ref.CustomID()
	if !ok {
		t.Fatal("context id does not fit")
	}
	if back, ok := bot.ParseContextID(cid); !ok || back != ref {
		t.Errorf("ParseContextID(%q) = %+v, %v", cid, back, ok)
	}
	if _, ok := (bot.ContextRef{ArticleID: strings.Repeat("x", 120), Paragraph: 1}).CustomID(); ok {
		t.Error("an over-long context id was accepted")
	}
	for _, bad := range []string{"", "more", "more:a:x:q", "more:z:3:q", "more:a:-1:q", "more:s:3:2024|q", "ctx:0:a.md", "ctx:2:", "nope:1:2"} {
		if _, ok := bot.ParseCustomID(bad); ok {
			t.Errorf("ParseCustomID(%q) accepted", bad)
		}
		if _, ok := bot.ParseContextID(bad); ok {
			t.Errorf("ParseContextID(%q) accepted", bad)
		}
	}
}

func FuzzParseCustomID(f *testing.F) {
	f.Add("more:a:3:who is Mirela Stanek")
	f.Add("more:s:0:20240501||Harbour Gazette|pumps")
	f.Add("ctx:2:desal.md")
	f.Fuzz(func(t *testing.T, id string) {
		var p bot.Page
		var ok bool
		fuzzcheck.Within(t, func() { p, ok = bot.ParseCustomID(id) })
		if ok {
			again, ok := bot.ParseCustomID(p.CustomID())
			if !ok || again.Kind != p.Kind || again.Offset != p.Offset {
				t.Fatalf("%q → %+v does not round-trip: %+v", id, p, again)
			}
		}
		if r, ok := bot.ParseContextID(id); ok && (r.Paragraph < 1 || r.ArticleID == "") {
			t.Fatalf("%q → %+v", id, r)
		}
	})
}

func TestSanitizeFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"harbour report.md", "harbour_report.md"},
		{"../../etc/passwd.txt", "passwd.txt"},
		{`..\..\windows\evil.HTML`, "evil.html"},
		{".hidden.json", "hidden.json"},
		{"a..b.jsonl", "a.b.jsonl"},
		{"статья.txt", ""},
		{"noext", ""},
		{"report.md/", ""},
		{strings.Repeat("x", 300) + ".md", strings.Repeat("x", 97) + ".md"},
	}
	for _, tt := range tests {
		if got := bot.SanitizeFileName(tt.in); got != tt.want {
			t.Errorf("SanitizeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSanitizeFileName(f *testing.F) {
	f.Add("../a/b c.md")
	f.Add(`C:\x\..\y.json`)
	f.Fuzz(func(t *testing.T, name string) {
		var got string
		fuzzcheck.Within(t, func() { got = bot.SanitizeFileName(name) })
		if got == "" {
			return
		}
		if strings.ContainsAny(got, `/\`) || strings.HasPrefix(got, ".") || strings.Contains(got, "..") || len(got) > 100 {
			t.Fatalf("SanitizeFileName(%q) = %q", name, got)
		}
	})
}

func TestRenderContext(t *testing.T) {
	a := &corpus.Answer{
		Text:      "Mirela Stanek said crews had reached the plant.",
		Paragraph: 2,
		Article:   corpus.ArticleRef{ID: "desal.md", Title: "Storm", Source: "Harbour Gazette", Paragraphs: 5},
		Context:   []string{"A storm knocked out the plant.", "At least 14 people died.", "The council said 40 were hurt."},
	}
	r := bot.RenderContext(a, 2)
	if !r.Ephemeral || len(r.Embeds) != 1 {
		t.Fatalf("reply = %+v", r)
	}
	d := r.Embeds[0].Description
	want := []string{"¶1 A storm", "**¶2** ▸ Mirela", "¶3 At least 14", "¶4 The council"}
	last := -1
	for _, w := range want {
		i := strings.Index(d, w)
		if i <= last {
			t.Errorf("%q missing or out of order in %q", w, d)
		}
		last = i
	}
}

func TestRenderSources(t *testing.T) {
	st := corpus.Stats{Articles: 3, Paragraphs: 10, Sources: []corpus.SourceCount{{Source: "Harbour *Gazette*", Articles: 2}, {Source: "Northern Ledger", Articles: 1}},
		From: corpus.DateOf(time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)), To: corpus.DateOf(time.Date(2024, 5, 23, 0, 0, 0, 0, time.UTC)), BuiltAt: time.Unix(1717000000, 0)}
	r := bot.RenderSources(st)
	e := r.Embeds[0]
	if !strings.Contains(e.Description, "3 articles, 10 paragraphs") || !strings.Contains(e.Description, "2024-04-02 to 2024-05-23") || !strings.Contains(e.Description, "<t:1717000000:R>") {
		t.Errorf("description = %q", e.Description)
	}
	if len(e.Fields) != 2 || e.Fields[0].Name != `Harbour \*Gazette\*` || e.Fields[0].Value != "2 articles" {
		t.Errorf("fields = %+v", e.Fields)
	}
}

// TestRenderShowsNotes: the index's notes about the answers appear, escaped,
// under the answers' headline and the toll timeline alike.
func TestRenderShowsNotes(t *testing.T) {
	note := "Sources report different figures: 14 (Harbour Gazette); 21 (Northern *Ledger*)."
	want := `Sources report different figures: 14 \(Harbour Gazette\); 21 \(Northern \*Ledger\*\).`
	res := &corpus.Result{Query: "latest death toll", Intent: corpus.IntentFigure, Notes: []string{note}, Answers: []corpus.Answer{bigAnswer(1), bigAnswer(2)}}
	tests := []struct {
		name  string
		reply bot.Reply
	}{
		{"answers", bot.RenderAnswers(res, bot.Page{Kind: bot.KindAsk, Query: "latest death toll"})},
		{"toll", bot.RenderToll(res, bot.Page{Kind: bot.KindToll}, 3)},
	}
	for _, tt := range tests {
		if !strings.Contains(tt.reply.Content, "\n"+want) {
			t.Errorf("%s: content %q lacks the note", tt.name, tt.reply.Content)
		}
	}
}
