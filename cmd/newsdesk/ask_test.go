package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
)

func TestAskJSONShape(t *testing.T) {
	corpusDir, indexDir := testCorpus(t, true), filepath.Join(t.TempDir(), "index")
	// Flags after the question work too.
	stdout, stderr, code := cli{}.run(t, "ask", "--corpus", corpusDir, "who is Ilse Varnholt", "--index", indexDir, "--json")
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}

	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, stdout)
	}
	var query string
	if err := json.Unmarshal(raw["query"], &query); err != nil || query != "who is Ilse Varnholt" {
		t.Errorf("query = %s, want the question", raw["query"])
	}
	var answers []map[string]json.RawMessage
	if err := json.Unmarshal(raw["answers"], &answers); err != nil {
		t.Fatalf("answers is not an array of objects: %v", err)
	}
	if len(answers) == 0 {
		t.Fatalf("no answers; stdout:\n%s", stdout)
	}
	for i, a := range answers {
		for _, key := range []string{"text", "score", "paragraph", "article", "attribution", "context"} {
			if _, ok := a[key]; !ok {
				t.Errorf("answer %d has no %q: %s", i, key, stdout)
			}
		}
		var fields struct {
			Text        string   `json:"text"`
			Score       float64  `json:"score"`
			Paragraph   int      `json:"paragraph"`
			Attribution []string `json:"attribution"`
			Context     []string `json:"context"`
		}
		if err := json.Unmarshal(mustJSON(t, a), &fields); err != nil {
			t.Errorf("answer %d has fields of the wrong type: %v", i, err)
		}
		if fields.Text == "" || fields.Paragraph < 1 || fields.Attribution == nil || fields.Context == nil {
			t.Errorf("answer %d: text %q, paragraph %d, attribution %v, context %v: want text, a 1-based paragraph and arrays (not null)",
				i, fields.Text, fields.Paragraph, fields.Attribution, fields.Context)
		}
		var article map[string]json.RawMessage
		if err := json.Unmarshal(a["article"], &article); err != nil {
			t.Fatalf("answer %d: article is not an object: %v", i, err)
		}
		for _, key := range []string{"id", "title", "source", "url", "published", "path"} {
			if _, ok := article[key]; !ok {
				t.Errorf("answer %d: article has no %q", i, key)
			}
		}
	}

	var first corpus.Answer
	if err := json.Unmarshal(mustJSON(t, answers[0]), &first); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first.Text, "Ilse Varnholt") {
		t.Errorf("first answer %q does not name the person asked about", first.Text)
	}
	want := corpus.ArticleRef{
		Title:  "Storm surge floods harbour district",
		Source: "Coastal Herald",
		URL:    "https://coastalherald.example/2023/storm-surge",
		Path:   "harbour.md",
	}
	got := first.Article
	if got.Title != want.Title || got.Source != want.Source || got.URL != want.URL || got.Path != want.Path || got.ID == "" {
		t.Errorf("article = %+v, want %+v with an id", got, want)
	}
	if got.Published.String() != "2023-10-02" {
		t.Errorf("published = %q, want 2023-10-02", got.Published.String())
	}
	if !regexp.MustCompile(`"published": "2023-10-02"`).MatchString(stdout) {
		t.Errorf("published is not written as a plain date:\n%s", stdout)
	}
}

func TestAskJSONNoAnswerIsEmptyArray(t *testing.T) {
	corpusDir, indexDir := testCorpus(t, false), filepath.Join(t.TempDir(), "index")
	for _, q := range []string{"who is Bartholomew Quince", "volcanic eruption in the arctic"} {
		t.Run(q, func(t *testing.T) {
			stdout, stderr, code := cli{}.run(t, "ask", "--corpus", corpusDir, "--index", indexDir, "--json", q)
			if code != exitOK {
				t.Fatalf("exit code %d, want 0 for no answer; stderr:\n%s", code, stderr)
			}
			if !regexp.MustCompile(`"answers": \[\]`).MatchString(stdout) {
				t.Errorf("answers is not []:\n%s", stdout)
			}
			var res struct {
				Answers []json.RawMessage `json:"answers"`
				Notes   []string          `json:"notes"`
			}
			if err := json.Unmarshal([]byte(stdout), &res); err != nil {
				t.Fatal(err)
			}
			if res.Answers == nil || len(res.Answers) != 0 {
				t.Errorf("answers = %v, want an empty array", res.Answers)
			}
		})
	}
}

func TestAskTextOutput(t *testing.T) {
	corpusDir, indexDir := testCorpus(t, false), filepath.Join(t.TempDir(), "index")
	c := cli{env: map[string]string{"NEWSDESK_CORPUS": corpusDir, "NEWSDESK_INDEX": indexDir}}

	stdout, stderr, code := c.run(t, "ask", "who", "is", "Ilse", "Varnholt")
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	header := regexp.MustCompile(`(?m)^1\. Storm surge floods harbour district — Coastal Herald · 2 Oct 2023 · ¶\d+$`)
	if !header.MatchString(stdout) {
		t.Errorf("no header line for the first answer:\n%s", stdout)
	}
	if !strings.Contains(stdout, "*Ilse Varnholt*") {
		t.Errorf("the matched name is not emphasised:\n%s", stdout)
	}
	if !strings.Contains(stdout, "https://coastalherald.example/2023/storm-surge") {
		t.Errorf("no link:\n%s", stdout)
	}
	for _, line := range strings.Split(stdout, "\n") {
		if n := len([]rune(line)); n > 80 && !strings.Contains(line, "://") {
			t.Errorf("line of %d characters is not wrapped at 80: %q", n, line)
		}
	}
	if !strings.Contains(stderr, "Indexing") {
		t.Errorf("the first question should build the index with progress on stderr; stderr:\n%s", stderr)
	}

	// The second question reuses the index.
	stdout, stderr, code = c.run(t, "ask", "who is Bartholomew Quince")
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "Indexing") {
		t.Errorf("an unchanged corpus was indexed again; stderr:\n%s", stderr)
	}
	if strings.TrimSpace(stdout) == "" || strings.HasPrefix(stdout, "1.") {
		t.Errorf("want a no-answer message, got:\n%s", stdout)
	}
}

func TestWriteResultFormatsEveryPart(t *testing.T) {
	published, _ := corpus.ParseDate("2022-05-14")
	reported, _ := corpus.ParseDate("2022-05-13")
	res := &corpus.Result{
		Query: "how many were hurt",
		Answers: []corpus.Answer{{
			Text:        "Officials said that more than 250 residents were hurt when the dam above the valley gave way late on Friday, and that helicopters had lifted dozens of families from the roofs of their houses.",
			Paragraph:   4,
			Article:     corpus.ArticleRef{Title: "Dam failure floods valley", Source: "Valley Post", Published: published, Path: "dam/valley.md"},
			Attribution: []string{"regional emergency office", "Red Cross"},
			Context:     []string{"The dam had been inspected in March."},
			Figures: []corpus.Figure{
				{Count: 250, CountText: "more than 250", Qualifier: "more than", Who: "residents", What: "wounded", Source: "regional emergency office", Reported: reported},
				{Count: 250, CountText: "more than 250", Qualifier: "more than", Who: "residents", What: "wounded", Source: "regional emergency office", Reported: reported},
			},
			Highlights: []string{"hurt", "250"},
		}},
		Notes: []string{"Sources disagree about the number hurt."},
		More:  true,
	}
	tests := []struct {
		name string
		st   textStyle
		want []string
		not  []string
	}{
		{
			name: "plain",
			st:   textStyle{width: 100, corpusDir: "articles", limit: 3},
			want: []string{
				"1. Dam failure floods valley — Valley Post · 14 May 2022 · ¶4",
				"*250*", "*hurt*",
				"— according to regional emergency office and Red Cross",
				">250 residents wounded — regional emergency office, reported Fri 13 May 2022",
				"│ The dam had been inspected in March.",
				"file: " + filepath.Join("articles", "dam", "valley.md"),
				"Note: Sources disagree about the number hurt.",
				"--limit 6",
			},
			not: []string{"\x1b["},
		},
		{
			name: "terminal",
			st:   textStyle{width: 50, ansi: true, corpusDir: "articles", limit: 3},
			want: []string{ansiBold + "250" + ansiNormal, ansiBold + "hurt" + ansiNormal, ansiDim + "The dam"},
			not:  []string{"*250*"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := writeResult(&b, res, tt.st); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			flat := strings.Join(strings.Fields(out), " ")
			for _, w := range tt.want {
				if !strings.Contains(flat, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output has %q:\n%s", n, out)
				}
			}
			if strings.Count(out, "residents wounded") != 1 {
				t.Errorf("a repeated figure should be shown once:\n%s", out)
			}
			visible := regexp.MustCompile("\x1b\\[[0-9]+m").ReplaceAllString(out, "")
			for _, line := range strings.Split(visible, "\n") {
				if len([]rune(line)) > tt.st.width {
					t.Errorf("line longer than %d: %q", tt.st.width, line)
				}
			}
		})
	}
}

func TestWriteResultNoAnswer(t *testing.T) {
	tests := []struct {
		notes []string
		want  string
	}{
		{nil, corpus.NoteNoPassage}, // the same fallback as the bot's
		{[]string{"I found no passage about Bartholomew Quince."}, "I found no passage about Bartholomew Quince."},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := writeResult(&b, &corpus.Result{Answers: []corpus.Answer{}, Notes: tt.notes}, textStyle{width: 80}); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(b.String()); got != tt.want {
			t.Errorf("output %q, want %q", got, tt.want)
		}
	}
}

func TestIndexSummaryListsSkippedFiles(t *testing.T) {
	corpusDir, indexDir := testCorpus(t, true), filepath.Join(t.TempDir(), "index")
	c := cli{}
	stdout, stderr, code := c.run(t, "index", "--corpus", corpusDir, "--index", indexDir)
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Indexed 2 articles") {
		t.Errorf("summary does not count the 2 good articles:\n%s", stdout)
	}
	if !strings.Contains(stdout, "Skipped 4 files:") {
		t.Errorf("summary does not count the 4 skipped files:\n%s", stdout)
	}
	for _, name := range []string{"empty.md", "notes.xyz", "binary.txt", "broken.md"} {
		line := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(name) + `: (.+)$`).FindStringSubmatch(stdout)
		if line == nil || strings.TrimSpace(line[1]) == "" {
			t.Errorf("summary has no line with a reason for %s:\n%s", name, stdout)
		}
	}
	if !strings.Contains(stderr, "indexing: ") {
		t.Errorf("no plain progress lines on stderr when it is not a terminal:\n%s", stderr)
	}

	// Again, incrementally, as JSON: nothing analysed afresh.
	stdout, stderr, code = c.run(t, "index", "--corpus", corpusDir, "--index", indexDir, "--json")
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	var rep index.BuildReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, stdout)
	}
	if rep.Articles != 2 || rep.Analysed != 0 || rep.Reused != 2 || len(rep.Skipped) != 4 {
		t.Errorf("second build = %+v, want 2 articles all reused and 4 skipped", rep)
	}
	skipped := make([]string, 0, len(rep.Skipped))
	for _, s := range rep.Skipped {
		skipped = append(skipped, s.Path)
	}
	slices.Sort(skipped)
	if !slices.Equal(skipped, []string{"binary.txt", "broken.md", "empty.md", "notes.xyz"}) {
		t.Errorf("skipped = %q", skipped)
	}
}

func TestServeWithoutToken(t *testing.T) {
	corpusDir := testCorpus(t, false)
	dotenv := filepath.Join(t.TempDir(), ".env")
	writeFile(t, dotenv, "DISCORD_TOKEN=\nNEWSDESK_CORPUS="+corpusDir+"\n")
	stdout, stderr, code := cli{dotenv: dotenv}.run(t, "serve", "--index", filepath.Join(t.TempDir(), "index"))
	if code != exitFailure {
		t.Fatalf("exit code %d, want %d", code, exitFailure)
	}
	msg := lastLine(stderr)
	for _, w := range []string{"DISCORD_TOKEN", ".env", "environment"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not mention %s", msg, w)
		}
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
}

func TestServeNeverPrintsToken(t *testing.T) {
	const token = "MTA5.secret-token-for-tests.Xy9_abc"
	missing := filepath.Join(t.TempDir(), "no-corpus")
	tests := []struct {
		name string
		c    cli
	}{
		{"token in environment", cli{env: map[string]string{"DISCORD_TOKEN": token, "NEWSDESK_LOG_LEVEL": "debug", "NEWSDESK_CORPUS": missing}}},
		{"token in .env", cli{env: map[string]string{"NEWSDESK_LOG_LEVEL": "debug", "NEWSDESK_CORPUS": missing}, dotenv: writeFile(t, filepath.Join(t.TempDir(), ".env"), "DISCORD_TOKEN="+token+"\n")}},
		{"invalid setting beside the token", cli{env: map[string]string{"DISCORD_TOKEN": token, "NEWSDESK_RATE_BURST": "lots"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := tt.c.run(t, "serve", "--index", filepath.Join(t.TempDir(), "index"))
			if code != exitFailure {
				t.Errorf("exit code %d, want %d", code, exitFailure)
			}
			if strings.Contains(stdout+stderr, token) || strings.Contains(stdout+stderr, "secret-token") {
				t.Errorf("the token was printed:\nstdout: %s\nstderr: %s", stdout, stderr)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeFile writes body to path and returns path.
func writeFile(t *testing.T, path, body string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWordsEmphasis(t *testing.T) {
	tests := []struct {
		text       string
		highlights []string
		want       string
	}{
		{"the former general, Gaith Dalah, said", []string{"Gaith", "Dalah"}, "the former general, *Gaith Dalah*, said"},
		{"“Dalah” met (Dalah).", []string{"dalah"}, "“*Dalah*” met (*Dalah*)."},
		{"Dalah, Gaith", []string{"Gaith", "Dalah"}, "*Dalah*, *Gaith*"},
		{"more than 1,300 people", []string{"1,300"}, "more than *1,300* people"},
		{"no match here", []string{"else"}, "no match here"},
	}
	for _, tt := range tests {
		ws := words(tt.text, tt.highlights, textStyle{})
		parts := make([]string, len(ws))
		for i, w := range ws {
			parts[i] = w.text
			if w.width != len([]rune(w.text)) {
				t.Errorf("%q: width %d, want %d", w.text, w.width, len([]rune(w.text)))
			}
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("words(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
