package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdesk/newsdesk/corpus"
)

const (
	// DefaultLimit is how many answers a question gets unless asked otherwise.
	DefaultLimit = 3
	// MaxLimit caps the answers of one page.
	MaxLimit = 10
	// SearchTimeout bounds the time one question may take when the
	// caller's context sets no deadline of its own.
	SearchTimeout = 5 * time.Second

	candidateCount       = 60  // paragraphs fetched for reranking
	figureCandidateCount = 100 // paragraphs with figures fetched for a figure question
	nameThreshold        = 0.85
	placeArticleLimit    = 40  // articles about a place that a figure question reads
	nameArticleLimit     = 200 // paragraphs read to find the articles that name a word of the question
	maxConcepts          = 12  // question words looked up
	maxFuzzy             = 4   // of those, words looked up as misspellings
	minCoverage          = 0.5 // share of a question's weighted concepts a passage must contain
)

// AskOptions configures Ask.
type AskOptions struct {
	Limit  int // answers per page; DefaultLimit when 0, at most MaxLimit
	Offset int // answers to skip, for paging
}

// Ask answers a question in plain words. Any text is a question and none
// of it is query syntax; an empty question is an EINVALID error.
func (e *Engine) Ask(ctx context.Context, question string, opts AskOptions) (*corpus.Result, error) {
	return e.answer(ctx, question, corpus.ParseQuestion(question), filters{}, opts)
}

// SearchOptions is a plain search with filters.
type SearchOptions struct {
	Query  string
	Source string      // outlet, case-insensitive; "" for all
	From   corpus.Date // inclusive; zero for no bound
	To     corpus.Date // inclusive; zero for no bound
	Limit  int
	Offset int
}

// Search runs a plain keyword search with optional outlet and date filters.
func (e *Engine) Search(ctx context.Context, opts SearchOptions) (*corpus.Result, error) {
	q := corpus.ParseQuestion(opts.Query)
	q.Intent, q.Subject = corpus.IntentSearch, ""
	f := filters{source: strings.ToLower(strings.TrimSpace(opts.Source)), from: opts.From, to: opts.To}
	return e.answer(ctx, opts.Query, q, f, AskOptions{Limit: opts.Limit, Offset: opts.Offset})
}

// Tolls returns the latest casualty figures per source, optionally for one
// place, newest first: up to MaxLimit passages.
func (e *Engine) Tolls(ctx context.Context, place string) (*corpus.Result, error) {
	place = corpus.CleanQuestion(place, 100)
	q := corpus.Question{Text: "latest death toll", Intent: corpus.IntentFigure, Kinds: []string{"killed"}, Latest: true, Place: strings.ToLower(place)}
	if place != "" {
		q.Text += " in " + place
	}
	return e.answer(ctx, q.Text, q, filters{}, AskOptions{Limit: MaxLimit})
}

// Passage returns one paragraph as an Answer with up to radius paragraphs
// of context on each side; ENOTFOUND when it does not exist.
func (e *Engine) Passage(ctx context.Context, articleID string, paragraph, radius int) (*corpus.Answer, error) {
	g, release := e.acquire()
	if g == nil {
		return nil, errNoIndex
	}
	defer release()
	radius = min(max(radius, 0), 5)
	ids := make([]string, 0, 2*radius+1)
	for n := paragraph - radius; n <= paragraph+radius; n++ {
		if n > 0 {
			ids = append(ids, docID(articleID, n))
		}
	}
	docs, err := g.fetch(ctx, ids)
	if err != nil {
		return nil, err
	}
	sp, ok := docs[docID(articleID, paragraph)]
	if !ok {
		return nil, corpus.Errorf(corpus.ENOTFOUND, "That passage is no longer in the index.")
	}
	a := newAnswer(sp, 0)
	for n := paragraph - radius; n <= paragraph+radius; n++ {
		if n != paragraph {
			if c, ok := docs[docID(articleID, n)]; ok {
				a.Context = append(a.Context, c.Paragraph.Text)
			}
		}
	}
	return &a, nil
}

var errNoIndex = corpus.Errorf(corpus.ENOTFOUND, "The index is empty: run `newsdesk index` to build it from the corpus.")

// filters narrow a search to an outlet and a date range.
type filters struct {
	source   string
	from, to corpus.Date
}

// candidate is a paragraph being ranked for a question.
type candidate struct {
	id       string
	hitScore float64
	sp       storedParagraph
	score    float64
	// figures are the figures that answer a figure question.
	figures []corpus.Figure
	// reported orders figure answers: the newest figure they carry.
	reported corpus.Date
	// contextBefore asks for the paragraph before to be shown with it.
	contextBefore bool
	// names are words to emphasise besides the question's terms.
	names []string
	// role is the description of the person asked about, for context.
	role string
	// context are the paragraphs shown with it.
	context []string
	// words are its text's and headline's words, stemmed; read by coverage.
	words []stemmedWord
}

// asker answers one question against one generation.
type asker struct {
	log      *slog.Logger
	g        *generation
	q        corpus.Question
	f        filters
	text     analysis.Analyzer
	stemmer  stemmer
	concepts []concept
	notes    []string
	// placeArticles are the articles that name the place a figure
	// question asks about.
	placeArticles map[string]bool
}

// concept is one content word of the question with the stems that count
// as a match for it: its own stem and those of its synonyms.
type concept struct {
	word   string
	stems  []string
	weight float64
	fuzzy  bool // the index lacks it but has words a letter or two away
	// skeleton is set when the word matches names only by transliteration.
	skeleton string
	// docs is how many paragraphs have its stem.
	docs int
	// inText[i] tells whether the text field has stems[i] at all: a
	// search clause for a stem it lacks matches nothing and only slows
	// the search down.
	inText []bool
	// articles are the articles that name it somewhere, for a name the
	// question writes with a capital ("in Nepal"): a passage of an article
	// about Nepal need not repeat the word.
	articles map[string]bool
}

// hasInText reports whether the text field may have stems[i]: false only
// when the term statistics say it has not.
func (c concept) hasInText(i int) bool {
	return c.inText == nil || i >= len(c.inText) || c.inText[i]
}

func (e *Engine) answer(ctx context.Context, raw string, q corpus.Question, f filters, opts AskOptions) (*corpus.Result, error) {
	if q.Text == "" && f.source == "" && f.from.IsZero() && f.to.IsZero() {
		return nil, corpus.Errorf(corpus.EINVALID, "Ask me a question, for example “who is Ahmed al-Shara” or “latest death toll”.")
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(opts.Offset, 0)

	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, SearchTimeout)
		defer cancel()
	}
	g, release := e.acquire()
	if g == nil {
		return nil, errNoIndex
	}
	defer release()

	s := &asker{g: g, q: q, f: f, text: g.idx.Mapping().AnalyzerNamed(textAnalyzer), log: e.log}
	s.applyQuestionFilters()

	var (
		cands []*candidate
		err   error
	)
	switch s.q.Intent {
	case corpus.IntentWho:
		cands, err = s.who(ctx)
	case corpus.IntentSaid:
		cands, err = s.said(ctx)
	case corpus.IntentFigure:
		cands, err = s.figures(ctx)
	default:
		cands, err = s.search(ctx)
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, corpus.Errorf(corpus.EINVALID, "That question took too long to answer; try fewer or more specific words.")
		}
		return nil, err
	}
	res := &corpus.Result{Query: raw, Intent: s.q.Intent, Subject: s.q.Subject, Notes: s.notes, Answers: []corpus.Answer{}}
	if s.q.Intent == corpus.IntentFigure && s.q.Place != "" && res.Subject == "" {
		res.Subject = s.q.Place
	}
	if len(cands) == 0 && len(res.Notes) == 0 {
		res.Notes = append(res.Notes, s.noAnswerNote())
	}
	if offset >= len(cands) {
		return res, nil
	}
	page := cands[offset:min(offset+limit, len(cands))]
	res.More = offset+limit < len(cands)
	if err := s.fillContext(ctx, page); err != nil {
		return nil, err
	}
	for _, c := range page {
		a := newAnswer(c.sp, c.score)
		if c.figures != nil {
			a.Figures = c.figures
		}
		a.Highlights = s.highlights(c)
		if c.contextBefore {
			a.Context = c.context
		}
		res.Answers = append(res.Answers, a)
	}
	return res, nil
}

func (s *asker) noAnswerNote() string {
	switch s.q.Intent {
	case corpus.IntentWho:
		return fmt.Sprintf("I found no passage about %s.", s.q.Subject)
	case corpus.IntentSaid:
		return fmt.Sprintf("I found no passage quoting or citing %s.", s.q.Subject)
	case corpus.IntentFigure:
		if s.q.Place != "" {
			return fmt.Sprintf("I found no figures for %s.", s.q.Place)
		}
		return "I found no figures that answer that."
	}
	return "I found no passage that answers that."
}

// newAnswer turns a stored paragraph into an Answer.
func newAnswer(sp storedParagraph, score float64) corpus.Answer {
	p := sp.Paragraph
	a := corpus.Answer{
		Text:        p.Text,
		Score:       math.Round(score*1000) / 1000,
		Paragraph:   p.Number,
		Article:     sp.Article,
		Attribution: p.Attribution,
		Context:     []string{},
		Figures:     p.Figures,
		Quotes:      p.Quotes,
	}
	if a.Attribution == nil {
		a.Attribution = []string{}
	}
	if a.Figures == nil {
		a.Figures = []corpus.Figure{}
	}
	return a
}

// applyQuestionFilters turns an outlet or a day the question names into
// filters: "what did Reuters report on 9 March".
func (s *asker) applyQuestionFilters() {
	if s.f.source == "" {
		if src := s.knownSource(s.q.Subject); src != "" && s.q.Intent == corpus.IntentSaid {
			s.f.source = src
			s.q.Intent, s.q.Subject = corpus.IntentSearch, ""
			s.q.Terms = s.q.Topic
		} else if src := s.sourceInTerms(); src != "" {
			s.f.source = src
		}
	}
	if s.q.Year != 0 && s.q.On.IsZero() && s.f.from.IsZero() && s.f.to.IsZero() {
		// "the 2015 heatwave": what was published, or for a figure
		// reported, in that year.
		s.f.from = corpus.Date{Time: time.Date(s.q.Year, 1, 1, 0, 0, 0, 0, time.UTC)}
		s.f.to = corpus.Date{Time: time.Date(s.q.Year, 12, 31, 0, 0, 0, 0, time.UTC)}
	}
	if !s.q.On.IsZero() && s.f.from.IsZero() && s.f.to.IsZero() {
		day := s.q.On.In(s.latestYear())
		s.f.from, s.f.to = day, day
		if s.q.Intent == corpus.IntentFigure {
			// A day's dead are counted in the next day's reports.
			s.f.to = corpus.Date{Time: day.AddDate(0, 0, 1)}
		}
	}
}

// knownSource returns the outlet named by s, lower-cased, if the index has it.
func (s *asker) knownSource(name string) string {
	name = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "the ")
	if name == "" {
		return ""
	}
	for _, src := range s.g.sources {
		if src == name || strings.TrimPrefix(src, "the ") == name || strings.HasPrefix(src, name+" ") {
			return src
		}
	}
	return ""
}

// sourceInTerms finds an outlet named among the question's words and
// removes it from the terms.
func (s *asker) sourceInTerms() string {
	joined := " " + strings.Join(s.q.Terms, " ") + " "
	for _, src := range s.g.sources {
		if strings.Contains(joined, " "+src+" ") {
			s.q.Terms = strings.Fields(strings.Replace(joined, " "+src+" ", " ", 1))
			return src
		}
	}
	return ""
}

// latestYear is the year of the newest article, for days named without a year.
func (s *asker) latestYear() int {
	if s.g.newest.IsZero() {
		return time.Now().Year()
	}
	return s.g.newest.Year()
}

// dayRange matches the documents whose day field falls from one day to
// another, both included; a zero day leaves that end open.
func dayRange(field string, from, to time.Time) query.Query {
	inclusive := true
	q := bleve.NewTermRangeInclusiveQuery(dayTerm(from), dayTerm(to), &inclusive, &inclusive)
	q.SetField(field)
	return q
}

// filtered adds the outlet and date filters to q.
func (s *asker) filtered(q query.Query) query.Query { return s.filteredBy(q, true) }

// filteredBy adds the outlet filter to q, and the date filters when dates
// is set.
func (s *asker) filteredBy(q query.Query, dates bool) query.Query {
	parts := []query.Query{q}
	if !s.hasFilters(dates) {
		return q
	}
	if s.f.source != "" {
		t := bleve.NewTermQuery(s.f.source)
		t.SetField(fieldSource)
		parts = append(parts, t)
	}
	if dates && s.hasDates() {
		published := dayRange(fieldPublished, s.f.from.Time, s.f.to.Time)
		reported := dayRange(fieldReported, s.f.from.Time, s.f.to.Time)
		// A figure question's day may be the day a figure was reported;
		// otherwise a day means the day of publication.
		if s.q.Intent == corpus.IntentFigure {
			parts = append(parts, bleve.NewDisjunctionQuery(published, reported))
		} else {
			parts = append(parts, published)
		}
	}
	return bleve.NewConjunctionQuery(parts...)
}

// hasDates reports whether the question has a date filter.
func (s *asker) hasDates() bool { return !s.f.from.IsZero() || !s.f.to.IsZero() }

// hasFilters reports whether filteredBy adds filters to a query: an
// outlet, or days when dates is set.
func (s *asker) hasFilters(dates bool) bool { return s.f.source != "" || dates && s.hasDates() }

// find runs q and decodes the stored paragraphs of its hits, the best
// first, or in the order of sortBy when given. A sort that does not read
// the score ("_score") skips scoring, which lets Bleve intersect posting
// lists as bitmaps.
func (s *asker) find(ctx context.Context, q query.Query, size int, sortBy ...string) ([]*candidate, error) {
	req := bleve.NewSearchRequestOptions(s.filtered(q), size, 0, false)
	if len(sortBy) > 0 {
		req.SortBy(sortBy)
		if !slices.ContainsFunc(sortBy, func(f string) bool { return strings.TrimPrefix(f, "-") == "_score" }) {
			req.Score = "none"
		}
	}
	res, err := s.g.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	out := make([]*candidate, 0, len(res.Hits))
	for _, hit := range res.Hits {
		sp, ok, err := s.g.store.get(hit.ID)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("paragraph store lacks %s, which the index has", hit.ID)
		}
		out = append(out, &candidate{id: hit.ID, hitScore: hit.Score, sp: sp})
	}
	return out, nil
}

// fetch returns the stored paragraphs of the given document IDs that exist.
func (g *generation) fetch(ctx context.Context, ids []string) (map[string]storedParagraph, error) {
	out := map[string]storedParagraph{}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sp, ok, err := g.store.get(id)
		if err != nil {
			return nil, fmt.Errorf("fetch paragraphs: %w", err)
		}
		if ok {
			out[id] = sp
		}
	}
	return out, nil
}

// fillContext loads the paragraph before each candidate that asks for it.
func (s *asker) fillContext(ctx context.Context, page []*candidate) error {
	var ids []string
	for _, c := range page {
		if c.sp.Paragraph.Number > 1 && (c.contextBefore || c.role != "") {
			ids = append(ids, docID(c.sp.Article.ID, c.sp.Paragraph.Number-1))
		}
	}
	docs, err := s.g.fetch(ctx, ids)
	if err != nil {
		return err
	}
	for _, c := range page {
		prev, ok := docs[docID(c.sp.Article.ID, c.sp.Paragraph.Number-1)]
		if !ok {
			c.contextBefore = false
			continue
		}
		// A paragraph that calls the person by a definite description
		// ("the former general, X") leans on the paragraph before, when
		// that one introduced the description ("a former general in…").
		if refersBack(c.role) && s.shareStems(commonWords(c.role), prev.Paragraph.Text) {
			c.contextBefore = true
		}
		if c.contextBefore {
			c.context = []string{prev.Paragraph.Text}
		}
	}
	return nil
}

// shareStems reports whether a and b share a content word.
func (s *asker) shareStems(a, b string) bool {
	bs := map[string]bool{}
	for _, t := range s.stems(b) {
		bs[t] = true
	}
	for _, t := range s.stems(a) {
		if bs[t] && len(t) > 2 {
			return true
		}
	}
	return false
}

// stems analyses text as the index analyses paragraphs.
func (s *asker) stems(text string) []string {
	toks := s.text.Analyze([]byte(text))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

func topScore(cands []*candidate) float64 {
	top := 0.0
	for _, c := range cands {
		top = max(top, c.hitScore)
	}
	if top == 0 {
		return 1
	}
	return top
}

// rerank fetches the candidates q finds and keeps those score accepts,
// best first. score gets each candidate's search relevance relative to the
// best hit (0–1) and returns the candidate's score and whether it answers.
func (s *asker) rerank(ctx context.Context, q query.Query, score func(c *candidate, relevance float64) (float64, bool)) ([]*candidate, error) {
	cands, err := s.find(ctx, q, candidateCount)
	if err != nil {
		return nil, err
	}
	top := topScore(cands)
	kept := cands[:0]
	for _, c := range cands {
		if sc, ok := score(c, c.hitScore/top); ok {
			c.score = sc
			kept = append(kept, c)
		}
	}
	sortCandidates(kept)
	return kept, nil
}

// sortCandidates orders candidates best first; ties go to the earlier
// paragraph of the newer article.
func sortCandidates(cands []*candidate) {
	slices.SortStableFunc(cands, func(a, b *candidate) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := b.sp.Article.Published.Compare(a.sp.Article.Published.Time); c != 0 {
			return c
		}
		return cmp.Compare(a.sp.Paragraph.Number, b.sp.Paragraph.Number)
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// containsWords reports whether text holds phrase as whole words.
func containsWords(text, phrase string) bool { return indexWords(text, phrase, 0) >= 0 }

// indexWords returns the byte index of the first occurrence of phrase in
// text at or after from that stands as whole words (no letter or digit
// joined to either end), or -1.
func indexWords(text, phrase string, from int) int {
	if phrase == "" {
		return -1
	}
	for i := from; i <= len(text); {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return -1
		}
		start, end := i+j, i+j+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || notWordRune(before)) && (end == len(text) || notWordRune(after)) {
			return start
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		i = start + size
	}
	return -1
}

// refersBack reports whether a role is a definite description that may
// point back to an earlier introduction: "the former general".
func refersBack(role string) bool {
	return strings.HasPrefix(role, "the ") || strings.HasPrefix(role, "The ")
}

// commonWords keeps the words of s that are not capitalised: the
// description without the names in it ("the director of the Syria
// program" → "the director of the program").
func commonWords(s string) string {
	var keep []string
	for _, w := range strings.Fields(s) {
		if r := []rune(w); len(r) > 0 && !unicode.IsUpper(r[0]) {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}
