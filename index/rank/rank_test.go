package rank

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// fakeStems stands in for the index's analysis: lower-cased words, a
// plural "s" dropped, and (for Terms) a few stop words left out.
type fakeStems struct{}

var fakeStop = map[string]bool{"the": true, "a": true, "an": true, "of": true, "in": true, "and": true, "to": true, "was": true, "were": true}

func fakeStem(w string) string {
	w = strings.ToLower(w)
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = strings.TrimSuffix(w, "s")
	}
	return w
}

func (fakeStems) Words(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, fakeStem(w))
	}
	return out
}

func (f fakeStems) Terms(text string) []string {
	return slices.DeleteFunc(f.Words(text), func(w string) bool { return fakeStop[w] })
}

// fakeStats holds document frequencies: "term" for the text, "name:key"
// for the names field, "fuzzy:term" for misspellings.
type fakeStats map[string]uint64

const fakeDocs = 1000

func (s fakeStats) Count(term string) (uint64, uint64)    { return fakeDocs, s[term] }
func (s fakeStats) NameCount(key string) (uint64, uint64) { return fakeDocs, s["name:"+key] }
func (s fakeStats) FuzzyCount(term string) uint64         { return s["fuzzy:"+term] }
func (s fakeStats) NearCount(term string) uint64          { return s["near:"+term] }
func (s fakeStats) TitleCount(term string) uint64         { return s["title:"+term] }
func (s fakeStats) Lacks(term string) bool                { return s[term] == 0 }

func candidate(text, title string) *Candidate {
	return &Candidate{Article: corpus.ArticleRef{ID: "a", Title: title}, Paragraph: corpus.Paragraph{Number: 1, Text: text}}
}

func day(s string) corpus.Date {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return corpus.Date{Time: t}
}

func TestConceptMatch(t *testing.T) {
	fight := Concept{Word: "fighting", Stems: []string{"fight", "clash"}}
	quake := Concept{Word: "quake", Stems: []string{"quake"}}
	long := Concept{Word: "negotiations", Stems: []string{"negotiation"}}
	iranians := Concept{Word: "iranians", Stems: []string{"iranian"}}
	tests := []struct {
		c    Concept
		tok  string
		want float64
	}{
		{fight, "fight", 1},
		{fight, "fighter", 0.7},    // a longer form
		{fight, "fightingsss", 0},  // too much longer
		{fight, "clashes", 0.7},    // a synonym, by prefix
		{fight, "fighx", 0.7},      // one letter off
		{fight, "peace", 0},        // nothing like it
		{quake, "earthquake", 0.7}, // "quake" in "earthquake"
		{long, "negotaitions", 0},  // two edits, but two letters longer
		{long, "negotiatoin", 0.7}, // two edits in a long word
		{iranians, "iran", 0.7},    // the country of a people asked about
		{iranians, "ira", 0},       // too short to tell
		{fight, "figh", 0.7},       // a shorter form
	}
	for _, tt := range tests {
		if got := conceptMatch(tt.c, tt.tok); got != tt.want {
			t.Errorf("conceptMatch(%v, %q) = %v, want %v", tt.c.Stems, tt.tok, got, tt.want)
		}
	}
}

func TestCoverage(t *testing.T) {
	concepts := []Concept{
		{Word: "fighting", Stems: []string{"fighting"}, Weight: 2},
		{Word: "Tartus", Stems: []string{fakeStem("Tartus")}, Weight: 1},
	}
	tests := []struct {
		name        string
		text, title string
		articles    map[string]bool
		cov, prox   float64
	}{
		{"both, side by side", "Fighting Tartus today", "", nil, 1, 0.5},
		{"both, apart", "Fighting broke out again near the port of Tartus", "", nil, 1, 0.5 * 2 / 9},
		{"the heavier only", "Fighting broke out", "", nil, 2.0 / 3, 0},
		{"the lighter in the headline", "Nothing here", "Tartus", nil, 1.0 / 3, 0},
		{"neither", "Nothing here", "", nil, 0, 0},
		{"an article about the place", "Fighting broke out", "", map[string]bool{"a": true}, (2 + 0.8) / 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := slices.Clone(concepts)
			cs[1].Articles = tt.articles
			r := &Ranker{Stems: fakeStems{}, Concepts: cs}
			cov, prox := r.Coverage(candidate(tt.text, tt.title))
			if math.Abs(cov-tt.cov) > 1e-9 || math.Abs(prox-tt.prox) > 1e-9 {
				t.Errorf("Coverage = %v, %v; want %v, %v", cov, prox, tt.cov, tt.prox)
			}
		})
	}
	if cov, prox := (&Ranker{Stems: fakeStems{}}).Coverage(candidate("anything", "")); cov != 1 || prox != 0 {
		t.Errorf("Coverage without concepts = %v, %v; want 1, 0", cov, prox)
	}
}

func TestConceptsOf(t *testing.T) {
	stats := fakeStats{"fighting": 10, "tartus": 0, "name:trts": 3, "convoy": 0, "fuzzy:convoy": 4, "sudan": 0}
	r := &Ranker{Stems: fakeStems{}, Synonyms: &Synonyms{base: map[string][]string{"fighting": {"clash"}}}, Question: corpus.Question{Text: "fighting near Tartous and the convoy in Sudan"}}
	got := r.ConceptsOf([]string{"fighting", "fighting", "the", "Tartous", "convoy", "Sudan"}, stats)
	var words []string
	for _, c := range got {
		words = append(words, c.Word)
	}
	if want := []string{"fighting", "Tartous", "convoy", "Sudan"}; !slices.Equal(words, want) {
		t.Fatalf("concepts %q, want %q (repeats and stop words dropped)", words, want)
	}
	fighting, tartous, convoy, sudan := got[0], got[1], got[2], got[3]
	if !slices.Equal(fighting.Stems, []string{"fighting", "clash"}) || fighting.Docs != 10 {
		t.Errorf("fighting = %+v; want its synonym and 10 documents", fighting)
	}
	if want := math.Log(1 + float64(fakeDocs+1)/11); math.Abs(fighting.Weight-want) > 1e-9 {
		t.Errorf("fighting weighs %v, want %v (inverse document frequency)", fighting.Weight, want)
	}
	if tartous.Skeleton == "" {
		t.Errorf("Tartous = %+v; want it matched by skeleton", tartous)
	}
	if !convoy.Fuzzy || convoy.Docs != 4 {
		t.Errorf("convoy = %+v; want it looked up as a misspelling", convoy)
	}
	if want := 2 * math.Log(1+float64(fakeDocs+1)); math.Abs(sudan.Weight-want) > 1e-9 {
		t.Errorf("Sudan weighs %v, want %v: a name the corpus never uses weighs double", sudan.Weight, want)
	}
	if !slices.Equal(fighting.InText, []bool{true, false}) {
		t.Errorf("fighting in text %v, want [true false]", fighting.InText)
	}
}

func TestSynonyms(t *testing.T) {
	syn := NewSynonyms()
	for _, tt := range []struct{ stem, want string }{
		{"quak", "earthquak"}, // WordNet's, both ways, as the index stems
		{"earthquak", "quak"}, //
		{"caus", "behind"},    // the base's, one way only
	} {
		if !slices.Contains(syn.Of(tt.stem), tt.want) {
			t.Errorf("synonyms of %q = %q, want %q among them", tt.stem, syn.Of(tt.stem), tt.want)
		}
	}
	if slices.Contains(syn.Of("behind"), "caus") {
		t.Errorf("behind has caus as a synonym; the base synonyms are one way")
	}
	if slices.Contains(syn.Of("kill"), "defeat") {
		t.Errorf("kill has defeat as a synonym; only a word's most frequent sense counts")
	}
	if of := syn.Of("caus"); len(of) > 0 {
		of[0] = "changed"
	}
	if baseSynonyms["caus"][0] == "changed" {
		t.Errorf("Of returned the base table's own slice")
	}
}

func TestSpeakerMatch(t *testing.T) {
	tests := []struct {
		asked, speaker string
		min, max       float64
	}{
		{"SNHR", "Syrian Network for Human Rights", 1, 1},
		{"the observatory", "Syrian Observatory for Human Rights", 0.95, 1},
		{"health ministry", "Ministry of Health", 0.95, 1},
		{"African Union", "the African Union observers", 0.9, 1},
		{"UN rights office", "the UN human rights office", 0.9, 1},
		{"Abdul Rahman Mahar", "Abdul Sattar Mahar", 0, 0.899},
		{"anyone", "", 0, 0},
	}
	for _, tt := range tests {
		if got := speakerMatch(tt.asked, tt.speaker); got < tt.min || got > tt.max {
			t.Errorf("speakerMatch(%q, %q) = %v, want %v–%v", tt.asked, tt.speaker, got, tt.min, tt.max)
		}
	}
}

func TestRoleWords(t *testing.T) {
	tests := []struct {
		subject, head string
		words         []string
	}{
		{"the governor of Laghman", "governor", []string{"laghman"}},
		{"the Benue governor", "governor", []string{"benue"}},
		{"the head of the hospital in Mehtarlam", "head", []string{"hospital", "mehtarlam"}},
		{"Charles Lister", "", nil},
	}
	for _, tt := range tests {
		if got := RoleHead(tt.subject); got != tt.head {
			t.Errorf("RoleHead(%q) = %q, want %q", tt.subject, got, tt.head)
		}
		if got := RoleWords(tt.subject); !slices.Equal(got, tt.words) {
			t.Errorf("RoleWords(%q) = %q, want %q", tt.subject, got, tt.words)
		}
	}
}

func TestSaid(t *testing.T) {
	r := &Ranker{Stems: fakeStems{}, Question: corpus.Question{Text: "what did IMD say"}}
	none := func(string, string) bool { return false }
	tests := []struct {
		name  string
		names []string
		p     corpus.Paragraph
		ok    bool
		min   float64
	}{
		{"quoted", []string{"Charles Lister"}, corpus.Paragraph{Text: "x", Quotes: []corpus.Quote{{Speaker: "Charles Lister"}}}, true, 2.6},
		{"cited", []string{"Charles Lister"}, corpus.Paragraph{Text: "x", Attribution: []string{"Charles Lister"}}, true, 2},
		{"named as a speaker in the text", []string{"the UN human rights office"}, corpus.Paragraph{Text: "The UN human rights office said on Friday."}, true, 1.85},
		{"someone else", []string{"Charles Lister"}, corpus.Paragraph{Text: "x", Attribution: []string{"Leila Khoury"}}, false, 0},
		{"an acronym in capitals is not a spelling", []string{"IMD"}, corpus.Paragraph{Text: "x", Attribution: []string{"Md Rahman"}}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Candidate{Paragraph: tt.p}
			score, ok := r.Said(tt.names, none)(c, 0)
			if ok != tt.ok || ok && score < tt.min {
				t.Errorf("Said = %v, %v; want ok %v with at least %v", score, ok, tt.ok, tt.min)
			}
		})
	}
}

func TestAbout(t *testing.T) {
	p := corpus.Paragraph{
		Text:     "The National Weather Service (NWS) warned of floods.",
		Mentions: []corpus.Mention{{Text: "National Weather Service", Name: "National Weather Service", Role: "the forecaster"}, {Text: "NWS", Name: "National Weather Service"}},
	}
	c := &Candidate{Paragraph: p}
	score, ok := About("National Weather Service")(c, 1)
	if !ok || score < 3 || c.Role != "the forecaster" {
		t.Errorf("About = %v, %v, role %q; want a described, spelt-out name to score over 3", score, ok, c.Role)
	}
	if _, ok := About("Leila Khoury")(&Candidate{Paragraph: p}, 1); ok {
		t.Errorf("About matched a name the paragraph does not mention")
	}
}

func TestChooseFigures(t *testing.T) {
	killed := func(n int, source, reported string) corpus.Figure {
		return corpus.Figure{Count: n, CountText: "n", What: "killed", Who: "people", Source: source, Reported: day(reported)}
	}
	old := &Candidate{ID: "old", Article: corpus.ArticleRef{ID: "a1", Published: day("2025-03-08")}, Paragraph: corpus.Paragraph{Number: 1, Text: "toll",
		Figures: []corpus.Figure{killed(10, "Reuters", "2025-03-08")}}}
	newer := &Candidate{ID: "new", Article: corpus.ArticleRef{ID: "a2", Published: day("2025-03-10")}, Paragraph: corpus.Paragraph{Number: 2, Text: "toll",
		Figures: []corpus.Figure{killed(30, "Reuters", "2025-03-10"), {Count: 5, What: "wounded", Source: "Reuters"}}}}
	other := &Candidate{ID: "other", Article: corpus.ArticleRef{ID: "a3", Published: day("2025-03-09")}, Paragraph: corpus.Paragraph{Number: 1, Text: "toll",
		Figures: []corpus.Figure{killed(50, "AFP", "2025-03-09")}}}
	r := &Ranker{Stems: fakeStems{}, Question: corpus.Question{Kinds: []string{"killed"}}}
	picks := r.LatestFigures([]*Candidate{old, newer, other}, true)
	if picks.Empty() {
		t.Fatal("no figures picked")
	}
	kept, notes := r.ChooseFigures(picks)
	var ids []string
	for _, c := range kept {
		ids = append(ids, c.ID)
	}
	if want := []string{"new", "other"}; !slices.Equal(ids, want) {
		t.Errorf("answers %q, want %q: each source's latest, newest first", ids, want)
	}
	if kept[0].Score != 1 || kept[1].Score != 0.5 || len(kept[0].Figures) != 1 || kept[0].Figures[0].Count != 30 {
		t.Errorf("first answer %+v; want score 1 with the figure asked about only", kept[0])
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "Sources report different figures") {
		t.Errorf("notes %q; want one on the sources disagreeing (30 and 50)", notes)
	}
	if r.LatestFigures(nil, true).Empty() != true {
		t.Errorf("figures picked from no candidates")
	}
}

func TestFigureAsked(t *testing.T) {
	c := candidate("Libya's health ministry said 19 people were killed in Tripoli.", "Clashes in Tripoli")
	f := corpus.Figure{Count: 19, What: "killed", Who: "people", Source: "the health ministry"}
	tests := []struct {
		name string
		q    corpus.Question
		want bool
	}{
		{"the kind asked", corpus.Question{Kinds: []string{"killed"}}, true},
		{"another kind", corpus.Question{Kinds: []string{"wounded"}}, false},
		{"the group asked", corpus.Question{Kinds: []string{"killed"}, Who: "people"}, true},
		{"another group", corpus.Question{Kinds: []string{"killed"}, Who: "soldiers"}, false},
		{"the source, its country in the passage", corpus.Question{Kinds: []string{"killed"}, Source: "the Libyan health ministry"}, true},
		{"another country's ministry", corpus.Question{Kinds: []string{"killed"}, Source: "the Lebanese health ministry"}, false},
	}
	for _, tt := range tests {
		r := &Ranker{Question: tt.q}
		if got := r.FigureAsked(c, f, true); got != tt.want {
			t.Errorf("%s: FigureAsked = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestHighlights(t *testing.T) {
	r := &Ranker{Stems: fakeStems{}, Concepts: []Concept{{Word: "floods", Stems: []string{"flood"}}}}
	c := candidate("Floods killed 1,200 people, Ines Varga said.", "")
	c.Names = []string{"Varga"}
	c.Figures = []corpus.Figure{{CountText: "1,200"}}
	if got, want := r.Highlights(c), []string{"Floods", "1,200", "Varga"}; !slices.Equal(got, want) {
		t.Errorf("Highlights = %q, want %q", got, want)
	}
}

func TestRerank(t *testing.T) {
	a, b, c := candidate("a", ""), candidate("b", ""), candidate("c", "")
	a.HitScore, b.HitScore, c.HitScore = 2, 4, 1
	a.Paragraph.Number, b.Paragraph.Number, c.Paragraph.Number = 1, 2, 3
	kept, rejected := Rerank([]*Candidate{a, b, c}, func(c *Candidate, relevance float64) (float64, bool) {
		return relevance, c != a
	})
	if len(kept) != 2 || kept[0] != b || kept[1] != c || kept[0].Score != 1 || kept[1].Score != 0.25 {
		t.Errorf("Rerank kept %+v; want b (1) then c (0.25)", kept)
	}
	if len(rejected) != 1 || rejected[0] != a {
		t.Errorf("Rerank rejected %+v; want a", rejected)
	}
}

func TestPreferRecent(t *testing.T) {
	older, newer := candidate("x", ""), candidate("y", "")
	older.Article.Published, newer.Article.Published = day("2025-01-01"), day("2025-01-11")
	PreferRecent([]*Candidate{older, newer})
	if older.Score != 0 || newer.Score != 0.5 {
		t.Errorf("scores %v, %v; want 0 and 0.5", older.Score, newer.Score)
	}
}

func TestNoAnswerNote(t *testing.T) {
	tests := []struct {
		q      corpus.Question
		source string
		want   string
	}{
		{corpus.Question{Intent: corpus.IntentWho, Subject: "Leila Khoury"}, "", "I found no passage about Leila Khoury."},
		{corpus.Question{Intent: corpus.IntentSaid, Subject: "SNHR"}, "", "I found no passage quoting or citing SNHR."},
		{corpus.Question{Intent: corpus.IntentFigure, Place: "homs"}, "", "I found no figures for homs."},
		{corpus.Question{Intent: corpus.IntentFigure}, "", "I found no figures that answer that."},
		{corpus.Question{Intent: corpus.IntentSearch}, "", "I found no passage that answers that."},
		{corpus.Question{Intent: corpus.IntentSearch, Text: "desalination plant"}, "Nowhere Times", "I found no passage about desalination plant from Nowhere Times."},
		{corpus.Question{Intent: corpus.IntentSearch}, "Nowhere Times", "I found no passage that answers that."},
		{corpus.Question{Text: "who is Ghassan Tarabulsi", Intent: corpus.IntentWho, Subject: "ghassan tarabulsi"}, "", "I found no passage about Ghassan Tarabulsi."},
		{corpus.Question{Text: "death toll in Tartus", Intent: corpus.IntentFigure, Place: "tartus"}, "", "I found no figures for Tartus."},
	}
	for _, tt := range tests {
		if got := NoAnswerNote(tt.q, tt.source); got != tt.want {
			t.Errorf("NoAnswerNote(%+v, %q) = %q, want %q", tt.q, tt.source, got, tt.want)
		}
	}
}

func TestWithContext(t *testing.T) {
	r := &Ranker{Stems: fakeStems{}}
	c := candidate("The former general, Ahmed, said.", "")
	c.Role = "the former general"
	r.WithContext(c, "A former general in the army spoke.")
	if !c.ContextBefore || len(c.Context) != 1 {
		t.Errorf("a definite description introduced before: context %v, %q", c.ContextBefore, c.Context)
	}
	d := candidate("x", "")
	d.Role = "the mayor"
	r.WithContext(d, "Nothing related.")
	if d.ContextBefore || d.Context != nil {
		t.Errorf("an unrelated paragraph before was shown")
	}
}

// TestSortTies checks that candidates of equal score come out in one order
// whatever order the index returned them in.
func TestSortTies(t *testing.T) {
	day := func(d int) corpus.Date { return corpus.DateOf(time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC)) }
	mk := func(id string, published corpus.Date, n int, score float64) *Candidate {
		return &Candidate{ID: id, Score: score, Article: corpus.ArticleRef{ID: id, Published: published}, Paragraph: corpus.Paragraph{Number: n}}
	}
	want := []string{"top", "newer", "b-early", "a-late", "b-late", "undated"}
	cands := []*Candidate{
		mk("undated", corpus.Date{}, 1, 1), mk("b-late", day(8), 4, 1), mk("a-late", day(8), 4, 1),
		mk("newer", day(9), 7, 1), mk("b-early", day(8), 2, 1), mk("top", day(1), 9, 2),
	}
	for i := range 6 {
		shuffled := slices.Clone(cands)
		for j := range shuffled {
			k := (j*5 + i) % len(shuffled)
			shuffled[j], shuffled[k] = shuffled[k], shuffled[j]
		}
		Sort(shuffled)
		var got []string
		for _, c := range shuffled {
			got = append(got, c.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("order %d: got %q, want %q", i, got, want)
		}
	}
}

func TestAboutRole(t *testing.T) {
	r := &Ranker{Stems: fakeStems{}, Synonyms: &Synonyms{base: map[string][]string{"france": {"french"}}}}
	colonna := corpus.Paragraph{Text: "\"It is up to Morocco,\" French Foreign Minister Catherine Colonna said.",
		Mentions: []corpus.Mention{{Text: "Catherine Colonna", Name: "Catherine Colonna", Kind: corpus.MentionPerson, Role: "French Foreign Minister"}}}
	hatzor := corpus.Paragraph{Text: "\"Our analysis shows it,\" said Jonatan Hatzor, co-founder and CEO of Parametrix.",
		Mentions: []corpus.Mention{{Text: "Jonatan Hatzor", Name: "Jonatan Hatzor", Kind: corpus.MentionPerson, Role: "co-founder and CEO of Parametrix"}}}
	nowhere := func(string, string) bool { return false }
	tests := []struct {
		subject string
		p       corpus.Paragraph
		want    bool
	}{
		{"france's foreign minister", colonna, true}, // a country for its adjective
		{"the foreign minister", colonna, true},      //
		{"spain's foreign minister", colonna, false}, // another country
		{"the interior minister", colonna, false},    // another post
		{"the boss of parametrix", hatzor, true},     // another name for the post
		{"the boss of crowdstrike", hatzor, false},   //
		{"catherine colonna", colonna, false},        // a name, not a description
	}
	for _, tt := range tests {
		c := &Candidate{Paragraph: tt.p}
		if _, ok := r.AboutRole(tt.subject, nowhere)(c, 1); ok != tt.want {
			t.Errorf("AboutRole(%q) on %q: %v, want %v", tt.subject, tt.p.Text, ok, tt.want)
		}
	}
}

func TestChooseFiguresByPlace(t *testing.T) {
	killed := func(n int, where, reported string) corpus.Figure {
		return corpus.Figure{Count: n, CountText: "n", What: "killed", Where: where, Source: "the ministry", Reported: day(reported)}
	}
	national := &Candidate{ID: "national", Article: corpus.ArticleRef{ID: "a1", Published: day("2023-09-14")}, Paragraph: corpus.Paragraph{Number: 1, Text: "toll",
		Figures: []corpus.Figure{killed(2946, "", "2023-09-13")}}}
	province := &Candidate{ID: "province", Article: corpus.ArticleRef{ID: "a1", Published: day("2023-09-14")}, Paragraph: corpus.Paragraph{Number: 2, Text: "toll",
		Figures: []corpus.Figure{killed(1684, "Al Haouz", "2023-09-14")}}}
	r := &Ranker{Stems: fakeStems{}, Question: corpus.Question{Kinds: []string{"killed"}}}
	kept, notes := r.ChooseFigures(r.LatestFigures([]*Candidate{national, province}, true))
	var ids []string
	for _, c := range kept {
		ids = append(ids, c.ID)
	}
	if !slices.Contains(ids, "national") {
		t.Errorf("answers %q: a province's later toll replaced the country's", ids)
	}
	if len(notes) != 0 {
		t.Errorf("notes %q: a province's toll and the country's do not disagree", notes)
	}
}

// TestChooseFiguresFirst: a question for the first report gets the
// earliest article's overall toll first: not an undated summary's, not a
// later article's, not a part of the toll ("2 in Castilla-La Mancha"),
// and of one day's reports the smaller, earlier count.
func TestChooseFiguresFirst(t *testing.T) {
	killed := func(n int, where, reported string) corpus.Figure {
		f := corpus.Figure{Count: n, CountText: "n", What: "killed", Who: "people", Where: where, Source: "officials"}
		if reported != "" {
			f.Reported = day(reported)
		}
		return f
	}
	cand := func(id, published string, n int, figs ...corpus.Figure) *Candidate {
		c := &Candidate{ID: id, Article: corpus.ArticleRef{ID: id}, Paragraph: corpus.Paragraph{Number: n, Text: "toll", Figures: figs}}
		if published != "" {
			c.Article.Published = day(published)
		}
		return c
	}
	cands := []*Candidate{
		cand("summary", "", 2, killed(237, "", "")),
		cand("later", "2024-11-02", 1, killed(211, "", "2024-11-02")),
		cand("recalled", "2024-11-09", 5, killed(200, "", "2024-10-01")), // "killed 200 last month"
		cand("same-day-larger", "2024-10-30", 1, killed(95, "", "2024-10-30")),
		cand("part", "2024-10-30", 2, killed(2, "Castilla-La Mancha", "2024-10-30")),
		cand("first", "2024-10-30", 1, killed(51, "", "2024-10-30")),
	}
	for _, tc := range []struct {
		name string
		q    corpus.Question
		want string
	}{
		{"first", corpus.Question{Kinds: []string{"killed"}, Earliest: true}, "first"},
		{"latest", corpus.Question{Kinds: []string{"killed"}, Latest: true}, "later"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Ranker{Stems: fakeStems{}, Question: tc.q}
			// Each candidate stands for its own source: every one is picked.
			for _, c := range cands {
				c.Paragraph.Figures[0].Source = c.ID
			}
			kept, _ := r.ChooseFigures(r.LatestFigures(cands, true))
			if len(kept) == 0 || kept[0].ID != tc.want {
				var ids []string
				for _, c := range kept {
					ids = append(ids, c.ID)
				}
				t.Errorf("answers %q, want %q first", ids, tc.want)
			}
		})
	}
}

// porterStems stems as the index does, word by word, for the synonyms
// file, which is written with the index's stems.
type porterStems struct{}

func (porterStems) Words(text string) []string {
	var out []string
	for _, w := range fakeStems.Words(fakeStems{}, text) {
		out = append(out, bleveindex.Stem(w))
	}
	return out
}

func (p porterStems) Terms(text string) []string { return p.Words(text) }

// TestPhraseSynonyms: the words of a phrase WordNet has ("step down",
// "put to death") take the phrase's synonyms, so that a passage saying
// "resigned" has both; a phrase of a verb and its object's preposition
// ("escape from") is not one, and words outside a phrase take none.
func TestPhraseSynonyms(t *testing.T) {
	syn := NewSynonyms()
	for _, tt := range []struct {
		question, word, synonym string
		want                    bool
	}{
		{"when did the mayor step down", "down", "resign", true},
		{"when did the mayor step down", "step", "quit", true},
		{"how many were put to death", "death", "execut", true},
		{"how many prisoners escaped from the prison", "escap", "shake", false},
		{"when did the mayor step into the room", "step", "resign", false},
	} {
		r := &Ranker{Stems: porterStems{}, Synonyms: syn, Question: corpus.Question{Text: tt.question}}
		if got := slices.Contains(r.phraseSynonyms()[tt.word], tt.synonym); got != tt.want {
			t.Errorf("%q: %q has synonym %q: %v, want %v", tt.question, tt.word, tt.synonym, got, tt.want)
		}
	}
}

// TestHeadNounIn: a described speaker's head noun found in a quoted
// person's role is the kind of person asked about.
func TestHeadNounIn(t *testing.T) {
	for _, tt := range []struct {
		role, description string
		want              bool
	}{
		{"28-year-old villager", "amizmiz villager", true},
		{"resident of Paiporta", "a paiporta resident", true},
		{"founder of Saviors Without Borders", "amizmiz villager", false},
		{"villager", "villager", false}, // one word: roleNames matches it
	} {
		if got := headNounIn(tt.role, tt.description); got != tt.want {
			t.Errorf("headNounIn(%q, %q) = %v, want %v", tt.role, tt.description, got, tt.want)
		}
	}
}
