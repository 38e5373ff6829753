package eval_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/index"
	"github.com/newsdesk/newsdesk/index/eval"
)

const (
	evalDir       = "../../corpus/testdata/eval"
	evalArticles  = evalDir + "/articles"
	evalQuestions = evalDir + "/questions.tsv"
	// evalParagraphs lists every paragraph of the evaluation corpus as the
	// loader must number it, with its first words.
	evalParagraphs = evalDir + "/paragraphs.tsv"
)

// TestEval measures answer quality on each evaluation set and fails below
// its floors. The first set was written with the engine; the blind ones
// by testers who never read its code, in other words, to catch rules
// fitted to the first; the real ones are rewritten real news reports.
// Their floors record where the engine stands, less about one question.
func TestEval(t *testing.T) {
	for _, set := range []struct {
		dir              string
		p1, p3, noAnswer float64
	}{
		{evalDir, 0.95, 0.98, 0.94},
		{"../../corpus/testdata/eval-blind", 0.97, 0.97, 0.88},
		{"../../corpus/testdata/eval-blind2", 0.87, 0.96, 0.87},
		{"../../corpus/testdata/eval-blind3", 0.94, 0.97, 0.8},
		// blind4 and blind5 stood at 0.886/0.971 and 0.914/1 with a list
		// of synonyms written from their own misses; that list gained
		// nothing on the sets it was not written from and went for
		// WordNet's synonyms (README, "Ranking").
		{"../../corpus/testdata/eval-blind4", 0.85, 0.91, 0.8},
		{"../../corpus/testdata/eval-blind5", 0.85, 0.94, 0.8},
		{"../../corpus/testdata/eval-blind6", 0.88, 0.94, 0.8},
		// Real reporting in the dev set's format; first contact was
		// 0.475/0.625/1 (a), 0.590/0.641/0.8 (b), 0.375/0.5/0.8 (c) and
		// 0.325/0.5/0.6 (d), 0.442/0.628/1 (e), 0.489/0.733/0.8 (f),
		// 0.556/0.644/0.4 (g) and 0.600/0.778/0.4 (h); the shipped model
		// was not fitted to d, e, f, g and h (README.md of each set).
		{"../../corpus/testdata/eval-real-a", 0.62, 0.8, 1},
		{"../../corpus/testdata/eval-real-b", 0.69, 0.87, 0.8},
		{"../../corpus/testdata/eval-real-c", 0.55, 0.67, 0.8},
		{"../../corpus/testdata/eval-real-d", 0.55, 0.72, 0.8},
		{"../../corpus/testdata/eval-real-e", 0.53, 0.69, 0.8},
		{"../../corpus/testdata/eval-real-f", 0.53, 0.8, 0.8},
		{"../../corpus/testdata/eval-real-g", 0.57, 0.72, 0.6},
		{"../../corpus/testdata/eval-real-h", 0.6, 0.78, 0.4},
	} {
		t.Run(filepath.Base(set.dir), func(t *testing.T) {
			f, err := os.Open(set.dir + "/questions.tsv")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cases, err := eval.ParseCases(f)
			if err != nil {
				t.Fatalf("%s/questions.tsv: %v", set.dir, err)
			}
			rep, err := eval.Evaluate(context.Background(), evalEngine(t, set.dir+"/articles"), cases)
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
			var b strings.Builder
			if err := rep.Write(&b); err != nil {
				t.Fatalf("Write: %v", err)
			}
			t.Logf("\n%s", b.String())
			if rep.PrecisionAt1 < set.p1 || rep.PrecisionAt3 < set.p3 || rep.NoAnswerAccuracy < set.noAnswer {
				t.Errorf("precision@1 %.3f, precision@3 %.3f, no-answer accuracy %.3f: below the floors %.2f, %.2f, %.2f",
					rep.PrecisionAt1, rep.PrecisionAt3, rep.NoAnswerAccuracy, set.p1, set.p3, set.noAnswer)
			}
		})
	}
}

// TestEvalQuestionsFile checks the evaluation set itself: its size and mix,
// and that every expected passage is one listed in paragraphs.tsv.
func TestEvalQuestionsFile(t *testing.T) {
	cases := readEvalCases(t)
	anchors := readEvalAnchors(t)
	noAnswer := 0
	for _, c := range cases {
		if len(c.Expected) == 0 {
			noAnswer++
		}
		for _, p := range c.Expected {
			if _, ok := anchors[p]; !ok {
				t.Errorf("%s:%d: %q expects %s, which paragraphs.tsv does not list", evalQuestions, c.Line, c.Question, p)
			}
		}
	}
	if len(cases) < 70 {
		t.Errorf("%d questions, want at least 70", len(cases))
	}
	if noAnswer < 10 {
		t.Errorf("%d no-answer questions, want at least 10", noAnswer)
	}
}

// TestEvalCorpusParagraphs loads the evaluation corpus and checks that the
// loader numbers its paragraphs exactly as paragraphs.tsv (and so
// questions.tsv) assumes: same articles, same paragraph counts (boilerplate
// dropped), each paragraph starting with the listed words. A shifted
// paragraph fails here rather than silently corrupting the scores.
func TestEvalCorpusParagraphs(t *testing.T) {
	res, err := load.Dir(context.Background(), evalArticles)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for _, s := range res.Skipped {
		t.Errorf("skipped %s: %s", s.Path, s.Reason)
	}
	anchors := readEvalAnchors(t)
	want := map[string]int{} // article ID → paragraph count
	for p := range anchors {
		id, n, err := eval.SplitPassageID(p)
		if err != nil {
			t.Fatal(err)
		}
		want[id] = max(want[id], n)
	}
	got := map[string]corpus.Article{}
	for _, a := range res.Articles {
		got[a.ID] = a
	}
	for id, n := range want {
		a, ok := got[id]
		if !ok {
			t.Errorf("article %s not loaded (loaded: %v)", id, sortedKeys(got))
			continue
		}
		if len(a.Paragraphs) != n {
			t.Errorf("%s: %d paragraphs, want %d:\n%s", id, len(a.Paragraphs), n, paragraphList(a))
			continue
		}
		for i, p := range a.Paragraphs {
			passage := eval.PassageID(id, i+1)
			if p.Number != i+1 {
				t.Errorf("%s: paragraph %d is numbered %d", passage, i+1, p.Number)
			}
			if words := anchors[passage]; !strings.HasPrefix(letters(p.Text), letters(words)) {
				t.Errorf("%s = %q, want it to start with %q", passage, p.Text, words)
			}
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("loaded article %s is not listed in paragraphs.tsv", id)
		}
	}
}

// TestParseEvalCases covers the file format and its errors.
func TestParseEvalCases(t *testing.T) {
	good := "# a comment\n" +
		"\n" +
		"who is Gaith Dalah\ta.md#3|b.md#12\tspelling\n" +
		"   # an indented comment\n" +
		"stock prices\t-\r\n" +
		"toll\twires.jsonl#rec-1#2 | a.md#03 | a.md#3\t\n"
	cases, err := eval.ParseCases(strings.NewReader(good))
	if err != nil {
		t.Fatalf("ParseEvalCases: %v", err)
	}
	want := []eval.Case{
		{Question: "who is Gaith Dalah", Expected: []string{"a.md#3", "b.md#12"}, Note: "spelling", Kind: "spelling", Line: 3},
		{Question: "stock prices", Line: 5},
		{Question: "toll", Expected: []string{"wires.jsonl#rec-1#2", "a.md#3"}, Line: 6},
	}
	if !slices.EqualFunc(cases, want, evalCaseEqual) {
		t.Errorf("cases = %+v\nwant    %+v", cases, want)
	}

	for _, tc := range []struct {
		name, input string
		line        int // the line the error must name; 0 for none
	}{
		{"empty file", "", 0},
		{"only comments", "# nothing\n\n", 0},
		{"no tab", "ok\ta.md#1\nwho is X a.md#1\n", 2},
		{"too many fields", "q\ta.md#1\tnote\textra\n", 1},
		{"empty question", "\ta.md#1\n", 1},
		{"empty expected", "q\t\tnote\n", 1},
		{"no paragraph number", "q\ta.md\n", 1},
		{"zero paragraph", "q\ta.md#0\n", 1},
		{"negative paragraph", "q\ta.md#-2\n", 1},
		{"not a number", "q\ta.md#two\n", 1},
		{"no article", "q\t#4\n", 1},
		{"empty alternative", "q\ta.md#1||b.md#2\n", 1},
		{"dash mixed with passages", "q\t-|a.md#1\n", 1},
		{"duplicate question", "# c\nwho is X\ta.md#1\n\nWho  is x\t-\n", 4},
		{"invalid UTF-8", "ok\t-\nq\xff\ta.md#1\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := eval.ParseCases(strings.NewReader(tc.input))
			if err == nil {
				t.Fatal("no error")
			}
			if code := corpus.ErrorCode(err); code != corpus.EINVALID {
				t.Errorf("code = %s, want %s (%v)", code, corpus.EINVALID, err)
			}
			if tc.line > 0 && !strings.Contains(corpus.ErrorMessage(err), fmt.Sprintf("line %d:", tc.line)) {
				t.Errorf("error %q does not name line %d", corpus.ErrorMessage(err), tc.line)
			}
		})
	}
}

// TestParseEvalCasesReadError reports a failing reader as such.
func TestParseEvalCasesReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := eval.ParseCases(io.MultiReader(strings.NewReader("q\t-\n"), errReader{boom}))
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want it to wrap %v", err, boom)
	}
}

// FuzzParseEvalCases checks that any input either fails cleanly or gives
// well-formed cases that survive being written out and read back.
func FuzzParseEvalCases(f *testing.F) {
	f.Add("who is X\ta.md#1|b.jsonl#r#2\tnote\n# c\n\nq2\t-\n")
	f.Add("q\ta.md#0\n")
	f.Add("\ufeffq\t - \t\r\n")
	f.Add("q\t|\t\n")
	f.Add("who is X\ta.txt\tthe head||the chief\twho\nq2\t-\t-\tneg\n")
	f.Add("q\ta.txt\tx|||y\tfact\n")
	f.Fuzz(func(t *testing.T, input string) {
		var cases []eval.Case
		var err error
		fuzzcheck.Within(t, func() { cases, err = eval.ParseCases(strings.NewReader(input)) })
		if err != nil {
			if corpus.ErrorCode(err) != corpus.EINVALID {
				t.Fatalf("error without EINVALID code: %v", err)
			}
			return
		}
		var b strings.Builder
		// Every substring-format case has a kind and no note; a passage
		// case has a kind only from its note.
		substrings := cases[0].Kind != "" && cases[0].Note == ""
		for _, c := range cases {
			if c.Question == "" || c.Line < 1 || strings.ContainsAny(c.Question, "\t\n") {
				t.Fatalf("malformed case %+v", c)
			}
			for _, p := range c.Expected {
				if _, _, err := eval.SplitPassageID(p); err != nil {
					t.Fatalf("case %+v: %v", c, err)
				}
			}
			if substrings {
				file, subs := "-", "-"
				if c.Answerable() {
					file, subs = c.File, strings.Join(c.Substrings, "||")
				}
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", c.Question, file, subs, c.Kind)
				continue
			}
			exp := "-"
			if len(c.Expected) > 0 {
				exp = strings.Join(c.Expected, "|")
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\n", c.Question, exp, c.Note)
		}
		again, err := eval.ParseCases(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("written cases do not parse: %v\n%s", err, b.String())
		}
		if len(again) != len(cases) {
			t.Fatalf("%d cases after a round trip, want %d", len(again), len(cases))
		}
		for i := range cases {
			a, c := again[i], cases[i]
			a.Line = c.Line // comments and blank lines are not written back
			if !evalCaseEqual(a, c) {
				t.Fatalf("round trip changed %+v into %+v", c, a)
			}
		}
	})
}

// arithmetic is a small corpus's engine with cases built from what it
// answers, so that every kind of hit and miss occurs whatever the ranking.
type arithmetic struct {
	engine              *index.Engine
	asked, unanswerable string
	got                 []string // the passages answering asked, best first
	cases               []eval.Case
	wantMisses          []eval.MissKind
	hits3, answerable   int
}

// newArithmetic builds the corpus, asks its two questions and builds the
// cases.
func newArithmetic(t *testing.T) arithmetic {
	t.Helper()
	dir := t.TempDir()
	writeEvalArticle(t, dir, "bridge.md", "Bridge collapse traps commuters in river town", "Valley Courier", "2024-05-06",
		"A road bridge over the Marren river collapsed during the morning rush hour on Monday, sending three cars and a bus into the water.",
		"Rescue divers pulled 11 people from the river, and at least four people died, the regional fire service said.",
		"Engineers had warned in a report last year that the bridge's steel cables were badly corroded, according to the town council.",
	)
	writeEvalArticle(t, dir, "port.md", "Dockers walk out at Harwick port over night shifts", "Coastal Times", "2024-05-07",
		"Dockworkers at Harwick port stopped work on Tuesday in protest against new night shifts, leaving container ships waiting offshore.",
		"Union organiser Petra Lindqvist said the bridge cranes had been operated by exhausted crews for months.",
	)
	a := arithmetic{engine: evalEngine(t, dir), asked: "bridge collapse on the Marren river", unanswerable: "volcanic eruption in Iceland"}
	ctx := context.Background()
	res, err := a.engine.Ask(ctx, a.asked, index.AskOptions{Limit: 3})
	if err != nil {
		t.Fatalf("Ask(%q): %v", a.asked, err)
	}
	if len(res.Answers) == 0 {
		t.Fatalf("Ask(%q) gave no answers; cannot build the cases", a.asked)
	}
	for _, ans := range res.Answers {
		a.got = append(a.got, eval.PassageID(ans.Article.ID, ans.Paragraph))
	}
	if none, err := a.engine.Ask(ctx, a.unanswerable, index.AskOptions{Limit: 3}); err != nil || len(none.Answers) > 0 {
		t.Fatalf("Ask(%q) = %v, %v; want no answers", a.unanswerable, none, err)
	}
	a.cases = []eval.Case{
		{Line: 1, Question: a.asked, Expected: []string{"elsewhere.md#9", a.got[0]}}, // hit at 1
		{Line: 2, Question: a.asked, Expected: []string{"elsewhere.md#1"}},           // answers, none expected
		{Line: 3, Question: a.asked},                                           // answered, none expected
		{Line: 4, Question: a.unanswerable},                                    // rightly unanswered
		{Line: 5, Question: a.unanswerable, Expected: []string{"bridge.md#1"}}, // wrongly unanswered
	}
	a.wantMisses = []eval.MissKind{eval.MissTop3, eval.MissAnswered, eval.MissNoAnswer}
	a.hits3 = 1
	if len(a.got) > 1 {
		// Hit at 3 only: the last answer is the only expected one.
		a.cases = append(a.cases, eval.Case{Line: 6, Question: a.asked, Expected: []string{a.got[len(a.got)-1]}})
		a.wantMisses = append(a.wantMisses, eval.MissFirst)
		a.hits3++
	}
	a.answerable = len(a.cases) - 2
	return a
}

// TestEvaluateArithmetic checks the scores and the kinds of misses on a
// small corpus through a real index.
func TestEvaluateArithmetic(t *testing.T) {
	a := newArithmetic(t)
	rep, err := eval.Evaluate(context.Background(), a.engine, a.cases)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	if rep.Cases != len(a.cases) || rep.Answerable != a.answerable || rep.NoAnswer != 2 {
		t.Errorf("cases/answerable/no-answer = %d/%d/%d, want %d/%d/2", rep.Cases, rep.Answerable, rep.NoAnswer, len(a.cases), a.answerable)
	}
	if rep.HitsAt1 != 1 || rep.HitsAt3 != a.hits3 || rep.NoAnswerHits != 1 {
		t.Errorf("hits@1/hits@3/no-answer hits = %d/%d/%d, want 1/%d/1", rep.HitsAt1, rep.HitsAt3, rep.NoAnswerHits, a.hits3)
	}
	if want := 1 / float64(a.answerable); rep.PrecisionAt1 != want {
		t.Errorf("precision@1 = %v, want %v", rep.PrecisionAt1, want)
	}
	if want := float64(a.hits3) / float64(a.answerable); rep.PrecisionAt3 != want {
		t.Errorf("precision@3 = %v, want %v", rep.PrecisionAt3, want)
	}
	if rep.NoAnswerAccuracy != 0.5 {
		t.Errorf("no-answer accuracy = %v, want 0.5", rep.NoAnswerAccuracy)
	}
	var kinds []eval.MissKind
	for _, m := range rep.Misses {
		kinds = append(kinds, m.Kind)
	}
	if !slices.Equal(kinds, a.wantMisses) {
		t.Fatalf("miss kinds = %v, want %v", kinds, a.wantMisses)
	}

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := eval.Evaluate(cancelled, a.engine, a.cases); !errors.Is(err, context.Canceled) {
		t.Errorf("Evaluate with a cancelled context: err = %v, want context.Canceled", err)
	}
}

// TestEvaluateMisses checks what each miss holds and how the report
// prints it.
func TestEvaluateMisses(t *testing.T) {
	a := newArithmetic(t)
	rep, err := eval.Evaluate(context.Background(), a.engine, a.cases)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	got := a.got
	for _, m := range rep.Misses {
		switch m.Kind {
		case eval.MissNoAnswer:
			if len(m.Got) != 0 || m.Rank != 0 {
				t.Errorf("line %d: got %v at rank %d, want nothing", m.Line, m.Got, m.Rank)
			}
		case eval.MissFirst:
			if m.Rank != len(got) || m.Got[0].Passage != got[0] {
				t.Errorf("line %d: rank %d, first %s; want rank %d, first %s", m.Line, m.Rank, m.Got[0].Passage, len(got), got[0])
			}
		default:
			if m.Rank != 0 || len(m.Got) != len(got) || m.Got[0].Passage != got[0] || m.Got[0].Text == "" {
				t.Errorf("line %d: got %+v at rank %d, want the answers %v unranked", m.Line, m.Got, m.Rank, got)
			}
		}
	}

	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatalf("Write: %v", err)
	}
	out := b.String()
	for _, want := range []string{"precision@1", "precision@3", "no-answer accuracy", "line 2: " + a.asked, "elsewhere.md#1", got[0],
		"line 5: " + a.unanswerable, "got:      no answer", "expected: no answer", "refused", "not in the top 3"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if err := rep.Write(failingWriter{}); err == nil {
		t.Error("Write to a failing writer: no error")
	}
}

// evalEngine builds a real index of corpusDir in a temporary directory and
// opens it.
func evalEngine(t *testing.T, corpusDir string) *index.Engine {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	log := slog.New(slog.DiscardHandler)
	if _, err := index.Build(ctx, index.BuildOptions{CorpusDir: corpusDir, IndexDir: dir, Log: log}); err != nil {
		t.Fatalf("Build %s: %v", corpusDir, err)
	}
	e, err := index.Open(ctx, dir, log)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return e
}

// readEvalCases parses the bundled questions.
func readEvalCases(t *testing.T) []eval.Case {
	t.Helper()
	f, err := os.Open(evalQuestions)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := eval.ParseCases(f)
	if err != nil {
		t.Fatalf("%s: %v", evalQuestions, err)
	}
	return cases
}

// readEvalAnchors reads paragraphs.tsv: passage ID → its first words.
func readEvalAnchors(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(evalParagraphs)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	anchors := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		passage, words, ok := strings.Cut(text, "\t")
		if _, _, err := eval.SplitPassageID(passage); !ok || err != nil || strings.TrimSpace(words) == "" {
			t.Fatalf("%s:%d: want id#N<TAB>first words, got %q", evalParagraphs, line, text)
		}
		if _, dup := anchors[passage]; dup {
			t.Fatalf("%s:%d: %s listed twice", evalParagraphs, line, passage)
		}
		anchors[passage] = words
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return anchors
}

// writeEvalArticle writes a Markdown article with front matter.
func writeEvalArticle(t *testing.T, dir, name, title, source, published string, paragraphs ...string) {
	t.Helper()
	text := fmt.Sprintf("---\ntitle: %s\nsource: %s\npublished: %s\n---\n\n%s\n", title, source, published, strings.Join(paragraphs, "\n\n"))
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// letters keeps only the lower-cased letters and digits of s, so that
// comparisons ignore punctuation, quote styles and spacing.
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func paragraphList(a corpus.Article) string {
	var b strings.Builder
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "  %d: %.80s\n", p.Number, p.Text)
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func evalCaseEqual(a, b eval.Case) bool {
	return a.Question == b.Question && slices.Equal(a.Expected, b.Expected) && slices.Equal(a.Substrings, b.Substrings) &&
		a.File == b.File && a.Note == b.Note && a.Kind == b.Kind && a.Line == b.Line
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("closed") }
