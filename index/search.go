package index

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

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
func (e *Engine) Ask(ctx context.Context, question string, opts AskOptions) (*Result, error) {
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
func (e *Engine) Search(ctx context.Context, opts SearchOptions) (*Result, error) {
	q := corpus.ParseQuestion(opts.Query)
	q.Intent, q.Subject = corpus.IntentSearch, ""
	f := filters{source: strings.ToLower(strings.TrimSpace(opts.Source)), from: opts.From, to: opts.To}
	return e.answer(ctx, opts.Query, q, f, AskOptions{Limit: opts.Limit, Offset: opts.Offset})
}

// Tolls returns the latest casualty figures per source, optionally for one
// place, newest first: up to MaxLimit passages.
func (e *Engine) Tolls(ctx context.Context, place string) (*Result, error) {
	place = corpus.CleanQuestion(place, 100)
	q := corpus.Question{Text: "latest death toll", Intent: corpus.IntentFigure, Kinds: []string{"killed"}, Latest: true, Place: strings.ToLower(place)}
	if place != "" {
		q.Text += " in " + place
	}
	return e.answer(ctx, q.Text, q, filters{}, AskOptions{Limit: MaxLimit})
}

// Passage returns one paragraph as an Answer with up to radius paragraphs
// of context on each side; ENOTFOUND when it does not exist.
func (e *Engine) Passage(ctx context.Context, articleID string, paragraph, radius int) (*Answer, error) {
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
}

// asker answers one question against one generation.
type asker struct {
	log      *slog.Logger
	g        *generation
	q        corpus.Question
	f        filters
	text     analysis.Analyzer
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
}

func (e *Engine) answer(ctx context.Context, raw string, q corpus.Question, f filters, opts AskOptions) (*Result, error) {
	if q.Text == "" && f.source == "" {
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
	res := &Result{Query: raw, Intent: s.q.Intent, Subject: s.q.Subject, Notes: s.notes, Answers: []Answer{}}
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
func newAnswer(sp storedParagraph, score float64) Answer {
	p := sp.Paragraph
	a := Answer{
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

// filtered adds the outlet and date filters to q.
func (s *asker) filtered(q query.Query) query.Query {
	parts := []query.Query{q}
	if s.f.source != "" {
		t := bleve.NewTermQuery(s.f.source)
		t.SetField(fieldSource)
		parts = append(parts, t)
	}
	if !s.f.from.IsZero() || !s.f.to.IsZero() {
		var end time.Time
		if !s.f.to.IsZero() {
			end = s.f.to.AddDate(0, 0, 1)
		}
		inclusive, exclusive := true, false
		published := bleve.NewDateRangeInclusiveQuery(s.f.from.Time, end, &inclusive, &exclusive)
		published.SetField(fieldPublished)
		reported := bleve.NewDateRangeInclusiveQuery(s.f.from.Time, end, &inclusive, &exclusive)
		reported.SetField(fieldReported)
		// A figure question's day may be the day a figure was reported;
		// otherwise a day means the day of publication.
		if s.q.Intent == corpus.IntentFigure {
			parts = append(parts, bleve.NewDisjunctionQuery(published, reported))
		} else {
			parts = append(parts, published)
		}
	}
	if len(parts) == 1 {
		return q
	}
	return bleve.NewConjunctionQuery(parts...)
}

// find runs q and decodes the stored paragraphs of its hits.
func (s *asker) find(ctx context.Context, q query.Query, size int, sortBy ...string) ([]*candidate, error) {
	req := bleve.NewSearchRequestOptions(s.filtered(q), size, 0, false)
	req.Fields = []string{fieldData}
	if len(sortBy) > 0 {
		req.SortBy(sortBy)
	}
	res, err := s.g.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	out := make([]*candidate, 0, len(res.Hits))
	for _, hit := range res.Hits {
		data, _ := hit.Fields[fieldData].(string)
		var sp storedParagraph
		if err := json.Unmarshal([]byte(data), &sp); err != nil {
			return nil, fmt.Errorf("decode stored paragraph %s: %w", hit.ID, err)
		}
		out = append(out, &candidate{id: hit.ID, hitScore: hit.Score, sp: sp})
	}
	return out, nil
}

// fetch returns the stored paragraphs of the given document IDs.
func (g *generation) fetch(ctx context.Context, ids []string) (map[string]storedParagraph, error) {
	out := map[string]storedParagraph{}
	if len(ids) == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldData}
	res, err := g.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("fetch paragraphs: %w", err)
	}
	for _, hit := range res.Hits {
		data, _ := hit.Fields[fieldData].(string)
		var sp storedParagraph
		if err := json.Unmarshal([]byte(data), &sp); err != nil {
			return nil, fmt.Errorf("decode stored paragraph %s: %w", hit.ID, err)
		}
		out[hit.ID] = sp
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

// ---- who ---------------------------------------------------------------

func (s *asker) who(ctx context.Context) ([]*candidate, error) {
	subject := strings.TrimPrefix(s.q.Subject, "the ")
	kept, err := s.passagesAbout(ctx, subject)
	if err != nil || len(kept) > 0 {
		return kept, err
	}
	// "who is SNHR": the organisation those initials spell.
	for _, org := range s.expandAcronym(subject) {
		if kept, err := s.passagesAbout(ctx, org); err != nil || len(kept) > 0 {
			return kept, err
		}
	}
	return nil, nil
}

// passagesAbout returns the passages naming subject across spellings,
// those that describe it first.
func (s *asker) passagesAbout(ctx context.Context, subject string) ([]*candidate, error) {
	cands, err := s.find(ctx, nameQuery(subject), candidateCount)
	if err != nil {
		return nil, err
	}
	kept := cands[:0]
	top := topScore(cands)
	for _, c := range cands {
		m, score := bestMention(subject, c.sp.Paragraph)
		if score < nameThreshold {
			continue
		}
		c.names = strings.Fields(m.Text)
		c.score = score + 0.2*c.hitScore/top
		if m.Role != "" {
			c.role = m.Role
			c.score += 1
		}
		kept = append(kept, c)
	}
	sortCandidates(kept)
	return kept, nil
}

// nameQuery finds paragraphs naming someone, across spellings: the names
// field holds transliteration skeletons; the text field catches names the
// extractor missed.
func nameQuery(name string) query.Query {
	names := bleve.NewMatchQuery(name)
	names.SetField(fieldNames)
	names.SetBoost(3)
	text := bleve.NewMatchQuery(name)
	text.SetField(fieldText)
	return bleve.NewDisjunctionQuery(names, text)
}

// bestMention returns the mention of p that best matches name.
func bestMention(name string, p corpus.Paragraph) (corpus.Mention, float64) {
	var best corpus.Mention
	bestScore := 0.0
	for _, m := range p.Mentions {
		for _, n := range []string{m.Name, m.Text} {
			if sc := speakerMatch(name, n); sc > bestScore {
				best, bestScore = m, sc
			}
		}
	}
	return best, bestScore
}

// ---- said --------------------------------------------------------------

func (s *asker) said(ctx context.Context) ([]*candidate, error) {
	subject := strings.TrimPrefix(s.q.Subject, "the ")
	s.concepts = s.conceptsOf(ctx, s.q.Topic)
	kept, err := s.saidBy(ctx, []string{subject})
	if err != nil || len(kept) > 0 {
		return kept, err
	}
	// "what did SNHR say": the organisations whose initials those are.
	if aliases := s.expandAcronym(subject); len(aliases) > 0 {
		if kept, err := s.saidBy(ctx, aliases); err != nil || len(kept) > 0 {
			return kept, err
		}
	}
	// "what did the mayor of Tell Bireh say": find who the corpus describes
	// that way, then what they said.
	aliases, err := s.describedAs(ctx, subject)
	if err != nil || len(aliases) == 0 {
		return nil, err
	}
	return s.saidBy(ctx, aliases)
}

// saidBy returns the passages that quote or cite any of the names.
func (s *asker) saidBy(ctx context.Context, names []string) ([]*candidate, error) {
	var disj []query.Query
	for _, name := range names {
		speakers := bleve.NewMatchQuery(name)
		speakers.SetField(fieldSpeakers)
		speakers.SetBoost(3)
		disj = append(disj, speakers, nameQuery(name))
	}
	if len(s.q.Topic) > 0 {
		topic := bleve.NewMatchQuery(strings.Join(s.q.Topic, " "))
		topic.SetField(fieldText)
		disj = append(disj, topic)
	}
	cands, err := s.find(ctx, bleve.NewDisjunctionQuery(disj...), candidateCount)
	if err != nil {
		return nil, err
	}
	top := topScore(cands)
	kept := cands[:0]
	for _, c := range cands {
		p := c.sp.Paragraph
		score := 0.0
		for _, name := range names {
			for _, q := range p.Quotes {
				if sc := speakerMatch(name, q.Speaker); sc >= nameThreshold {
					score = max(score, 1.6+sc)
					c.names = append(c.names, strings.Fields(q.Speaker)...)
				}
			}
			for _, a := range p.Attribution {
				if sc := speakerMatch(name, a); sc >= nameThreshold {
					score = max(score, 1+sc)
					c.names = append(c.names, strings.Fields(a)...)
				} else if alias, sc := aliasMatch(name, a, p); sc >= nameThreshold {
					score = max(score, 1+sc)
					c.names = append(c.names, strings.Fields(alias)...)
				}
			}
		}
		if score == 0 {
			for _, name := range names {
				if speaksIn(p.Text, name) {
					// The extractor missed the speaker, but the text names
					// them as one: "The UN human rights office said…".
					score = 1 + nameThreshold
					c.names = append(c.names, strings.Fields(name)...)
					break
				}
			}
		}
		if score == 0 {
			continue
		}
		if len(s.concepts) > 0 {
			cov, _ := s.coverage(c)
			if cov == 0 {
				continue
			}
			score += 2 * cov
		}
		c.score = score + 0.2*c.hitScore/top
		kept = append(kept, c)
	}
	sortCandidates(kept)
	return kept, nil
}

// expandAcronym returns the organisations the corpus names whose initials
// spell name ("SNHR" → "Syrian Network for Human Rights").
func (s *asker) expandAcronym(name string) []string {
	name = strings.ToLower(strings.TrimSpace(name))
	if len(name) < 2 || len(name) > 8 || strings.ContainsFunc(name, notWordRune) {
		return nil
	}
	var out []string
	for _, org := range s.g.manifest.Organisations {
		if initials(org) == name {
			out = append(out, org)
		}
	}
	return out
}

// aliasMatch scores name against the names a paragraph gives speaker in
// apposition: "the UN refugee agency, UNHCR", "the Syrian Network for Human
// Rights (SNHR)", or a name the paragraph describes as the speaker.
func aliasMatch(name, speaker string, p corpus.Paragraph) (string, float64) {
	alias, best := "", 0.0
	for _, m := range p.Mentions {
		if m.Text == speaker || m.Name == speaker {
			continue
		}
		if strings.Contains(p.Text, speaker+", "+m.Text) || strings.Contains(p.Text, speaker+" ("+m.Text+")") ||
			containsWords(m.Role, speaker) {
			if sc := max(speakerMatch(name, m.Text), speakerMatch(name, m.Name)); sc > best {
				alias, best = m.Text, sc
			}
		}
	}
	return alias, best
}

// describedAs returns the names of the people or organisations the corpus
// describes with every content word of role ("mayor of Tell Bireh").
func (s *asker) describedAs(ctx context.Context, role string) ([]string, error) {
	want := s.stems(role)
	if len(want) == 0 {
		return nil, nil
	}
	match := bleve.NewMatchQuery(role)
	match.SetField(fieldText)
	match.SetOperator(query.MatchQueryOperatorAnd)
	cands, err := s.find(ctx, match, candidateCount)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, c := range cands {
		for _, m := range c.sp.Paragraph.Mentions {
			if m.Role == "" || slices.Contains(names, m.Name) {
				continue
			}
			have := s.stems(m.Role)
			if !slices.ContainsFunc(want, func(w string) bool { return !slices.Contains(have, w) }) {
				names = append(names, m.Name)
			}
		}
	}
	return names, nil
}

// speakerMatch scores how well a name from a question ("the observatory",
// "SNHR", "Charles Lister", "Ghiath Dallah") matches a name in the corpus.
func speakerMatch(asked, speaker string) float64 {
	if speaker == "" {
		return 0
	}
	best := corpus.NameMatch(asked, speaker)
	askedWords := strings.Fields(strings.ToLower(asked))
	// An acronym: "SNHR" for "Syrian Network for Human Rights".
	if len(askedWords) == 1 && len(askedWords[0]) >= 2 && len(askedWords[0]) <= 6 && initials(speaker) == askedWords[0] {
		return 1
	}
	// A description by its head words: "the observatory", "health ministry".
	speakerWords := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(speaker), notWordRune) {
		speakerWords[strings.TrimSuffix(w, "s")] = true
	}
	var content, found int
	head := false
	for i, w := range askedWords {
		if questionArticles[w] {
			continue
		}
		content++
		if speakerWords[strings.TrimSuffix(w, "s")] {
			found++
			head = head || i == len(askedWords)-1
		}
	}
	askedSet := map[string]bool{}
	for _, w := range askedWords {
		askedSet[strings.TrimSuffix(w, "s")] = true
	}
	speakerContent, speakerFound := 0, 0
	for w := range speakerWords {
		if !questionArticles[w] {
			speakerContent++
			if askedSet[w] {
				speakerFound++
			}
		}
	}
	switch {
	case content > 0 && found == content:
		best = max(best, 0.95)
	case speakerContent >= 2 && speakerFound == speakerContent:
		// "the African Union observers" for "African Union".
		best = max(best, 0.9)
	case head && content >= 3 && float64(found)/float64(content) >= 0.6 && bodyNouns[strings.TrimSuffix(askedWords[len(askedWords)-1], "s")]:
		// "the UN human rights office" for "UN rights office": a body
		// named by its head noun, never a person's name ("Abdul Rahman
		// Mahar" is not "Abdul Sattar Mahar").
		best = max(best, 0.9)
	}
	return best
}

// questionArticles are words a name in a question may carry that the
// name in the corpus need not: "the observatory", "the UN's office".
var questionArticles = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "and": true}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// initials returns the lower-cased initials of a name's capitalised words.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, notWordRune) {
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			b.WriteRune(unicode.ToLower(r[0]))
		}
	}
	return b.String()
}

// ---- figures -----------------------------------------------------------

func (s *asker) figures(ctx context.Context) ([]*candidate, error) {
	kinds := make([]query.Query, 0, len(s.q.Kinds))
	for _, k := range s.q.Kinds {
		t := bleve.NewTermQuery(k)
		t.SetField(fieldWhat)
		kinds = append(kinds, t)
	}
	must := []query.Query{bleve.NewDisjunctionQuery(kinds...)}
	if s.q.Place != "" {
		// A figure answers for a place when its paragraph names the place,
		// or its article does: a report from Wadi Safa need not repeat the
		// town's name in every paragraph.
		articles, err := s.articlesNaming(ctx, s.q.Place)
		if err != nil {
			return nil, err
		}
		s.placeArticles = articles
		where := []query.Query{placeQuery(s.q.Place)}
		for id := range articles {
			t := bleve.NewTermQuery(id)
			t.SetField(fieldArticle)
			where = append(where, t)
		}
		must = append(must, bleve.NewDisjunctionQuery(where...))
	}
	s.concepts = s.conceptsOf(ctx, append(strings.Fields(s.q.Place), s.q.Topic...))
	if len(s.q.Topic) > 0 {
		// "soldiers killed in an ambush": only figures near the topic can
		// answer, so the search asks for it rather than sorting every
		// figure in the corpus by date and filtering afterwards.
		must = append(must, topicQuery(s.conceptsOf(ctx, s.q.Topic)))
	}
	var (
		latest map[string]figurePick
		order  []string
	)
	// Sorting every figure in a large corpus by date is the costly part:
	// look in the last month first, then the last year, then everywhere.
	for _, since := range s.figureWindows() {
		q := query.Query(bleve.NewConjunctionQuery(must...))
		if !since.IsZero() {
			inclusive := true
			recent := bleve.NewDateRangeInclusiveQuery(since, time.Time{}, &inclusive, nil)
			recent.SetField(fieldReported)
			q = bleve.NewConjunctionQuery(q, recent)
		}
		// Sorting by date reads the date of every match; a question about
		// a place matches few enough paragraphs to take the best by score
		// and order them by date here.
		var sortBy []string
		if s.q.Place == "" {
			sortBy = []string{"-" + fieldReported, "-_score"}
		}
		cands, err := s.find(ctx, q, figureCandidateCount, sortBy...)
		if err != nil {
			return nil, err
		}
		if len(s.concepts) > 0 {
			// Figures about something else ("the earthquake" when the
			// corpus has floods, "clashes" elsewhere than Tripoli) do not answer.
			cands = slices.DeleteFunc(cands, func(c *candidate) bool {
				cov, _ := s.coverage(c)
				return cov < minCoverage
			})
		}
		latest, order = s.latestFigures(cands, true)
		if len(latest) == 0 && s.q.Who != "" {
			// Reports count groups in their own words ("workers" for
			// "protesters"): rather any figure of the kind than none.
			latest, order = s.latestFigures(cands, false)
		}
		if len(latest) > 0 {
			break
		}
	}
	if len(latest) == 0 {
		if s.q.Place != "" && len(s.placeArticles) == 0 {
			if named, err := s.anyMatch(ctx, placeQuery(s.q.Place)); err != nil || !named {
				// No passage names the place at all.
				return nil, err
			}
		}
		// Nothing counted: answer as a plain search of the question's words.
		return s.search(ctx)
	}
	picked := map[*candidate]bool{}
	var kept []*candidate
	for _, key := range order {
		p := latest[key]
		if !picked[p.c] {
			picked[p.c] = true
			p.c.figures = nil
			kept = append(kept, p.c)
		}
		p.c.figures = append(p.c.figures, p.f)
		if p.f.Reported.After(p.c.reported.Time) {
			p.c.reported = p.f.Reported
		}
	}
	for _, c := range kept {
		c.reported = cmpDate(c.reported, c.sp.Article.Published)
		best := 0
		for _, f := range c.figures {
			best = max(best, f.Count)
		}
		c.score = float64(c.reported.Unix())/86400 + math.Log1p(float64(best))/100
	}
	slices.SortStableFunc(kept, func(a, b *candidate) int {
		if c := b.reported.Compare(a.reported.Time); c != 0 {
			return c
		}
		if a.sp.Article.ID == b.sp.Article.ID {
			// Within one article on one day: an overall toll before a part
			// of it ("43 people" before "9 children"), a figure a named body
			// vouches for before one from "a war monitor", then the lede
			// before the history.
			if c := cmp.Compare(overallTolls(b.figures), overallTolls(a.figures)); c != 0 {
				return c
			}
			if c := cmp.Compare(namedSources(b.figures), namedSources(a.figures)); c != 0 {
				return c
			}
			return cmp.Compare(a.sp.Paragraph.Number, b.sp.Paragraph.Number)
		}
		return cmp.Compare(b.score, a.score)
	})
	// Scores for figure answers rank by date; report them on a 0–1 scale.
	for i, c := range kept {
		c.score = 1 / float64(i+1)
	}
	s.notes = append(s.notes, disagreements(pickedFigures(latest, order))...)
	return kept, nil
}

// topicQuery matches paragraphs holding any of the concepts' words or
// synonyms, in their text or their article's headline.
func topicQuery(concepts []concept) query.Query {
	var any []query.Query
	for _, c := range concepts {
		for _, st := range c.stems {
			for _, field := range []string{fieldText, fieldTitle} {
				t := bleve.NewTermQuery(st)
				t.SetField(field)
				any = append(any, t)
			}
		}
		if c.fuzzy {
			f := bleve.NewFuzzyQuery(c.stems[0])
			f.SetField(fieldText)
			f.SetFuzziness(fuzzinessFor(c.stems[0]))
			any = append(any, f)
		}
	}
	if len(any) == 0 {
		return bleve.NewMatchAllQuery()
	}
	return bleve.NewDisjunctionQuery(any...)
}

// figureWindows are the successive "reported since" bounds a figure
// question searches: a month and a year back from the newest article,
// then no bound. A question with its own dates searches once.
func (s *asker) figureWindows() []time.Time {
	newest := s.g.newest
	if newest.IsZero() || !s.f.from.IsZero() || !s.f.to.IsZero() {
		return []time.Time{{}}
	}
	return []time.Time{newest.AddDate(0, -1, 0), newest.AddDate(-1, 0, 0), {}}
}

// latestFigures picks, for each source and group counted, the newest
// figure that answers the question; withWho applies the group asked for.
func (s *asker) latestFigures(cands []*candidate, withWho bool) (map[string]figurePick, []string) {
	latest := map[string]figurePick{}
	var order []string
	for _, c := range cands {
		for _, f := range c.sp.Paragraph.Figures {
			if !s.figureAsked(f, withWho) {
				continue
			}
			key := figureKey(f)
			old, seen := latest[key]
			if !seen {
				order = append(order, key)
			}
			if !seen || newerFigure(f, c, old.f, old.c) {
				latest[key] = figurePick{c, f}
			}
		}
	}
	return latest, order
}

// newerFigure reports whether figure f of candidate c is the later report:
// reported later; on the same day, earlier in its article (news leads with
// the current toll; a figure from history comes further down); in the same
// paragraph, the larger count.
func newerFigure(f corpus.Figure, c *candidate, g corpus.Figure, d *candidate) bool {
	if cmp := f.Reported.Compare(g.Reported.Time); cmp != 0 {
		return cmp > 0
	}
	if c.sp.Article.ID == d.sp.Article.ID && c.sp.Paragraph.Number != d.sp.Paragraph.Number {
		return c.sp.Paragraph.Number < d.sp.Paragraph.Number
	}
	return f.Count > g.Count
}

// overallTolls counts the figures that count everyone ("people", or no
// group named) rather than a part ("children", "women").
func overallTolls(figs []corpus.Figure) int {
	n := 0
	for _, f := range figs {
		switch strings.ToLower(f.Who) {
		case "", "people", "persons", "individuals":
			n++
		}
	}
	return n
}

// namedSources counts the figures whose source is a name ("Syrian
// Observatory for Human Rights") rather than a description ("a war
// monitor", "the ministry").
func namedSources(figs []corpus.Figure) int {
	n := 0
	for _, f := range figs {
		first, _, _ := strings.Cut(f.Source, " ")
		if r := []rune(first); len(r) > 0 && unicode.IsUpper(r[0]) && first != "The" && first != "A" && first != "An" {
			n++
		}
	}
	return n
}

// figurePick is the figure chosen for one source and group, and its paragraph.
type figurePick struct {
	c *candidate
	f corpus.Figure
}

func pickedFigures(m map[string]figurePick, order []string) []corpus.Figure {
	out := make([]corpus.Figure, 0, len(order))
	for _, k := range order {
		out = append(out, m[k].f)
	}
	return out
}

func cmpDate(reported, published corpus.Date) corpus.Date {
	if reported.IsZero() {
		return published
	}
	return reported
}

// anyMatch reports whether any paragraph matches q.
func (s *asker) anyMatch(ctx context.Context, q query.Query) (bool, error) {
	res, err := s.g.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(s.filtered(q), 0, 0, false))
	if err != nil {
		return false, fmt.Errorf("search: %w", err)
	}
	return res.Total > 0, nil
}

// articlesNaming returns the IDs of the articles about a place: those that
// name it in the headline or in the first two paragraphs (the dateline and
// the lede), not those that mention it in passing.
func (s *asker) articlesNaming(ctx context.Context, place string) (map[string]bool, error) {
	text := bleve.NewMatchQuery(place)
	text.SetField(fieldText)
	text.SetOperator(query.MatchQueryOperatorAnd)
	first, second := 1.0, 2.0
	inclusive := true
	lede := bleve.NewNumericRangeInclusiveQuery(&first, &second, &inclusive, &inclusive)
	lede.SetField(fieldNumber)
	title := bleve.NewMatchQuery(place)
	title.SetField(fieldTitle)
	title.SetOperator(query.MatchQueryOperatorAnd)
	about := bleve.NewDisjunctionQuery(bleve.NewConjunctionQuery(text, lede), title)
	req := bleve.NewSearchRequestOptions(s.filtered(about), placeArticleLimit, 0, false)
	res, err := s.g.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search place: %w", err)
	}
	ids := map[string]bool{}
	for _, hit := range res.Hits {
		if i := strings.LastIndex(hit.ID, "#p"); i > 0 {
			ids[hit.ID[:i]] = true
		}
	}
	return ids, nil
}

// placeQuery finds paragraphs naming a place, across spellings: the names
// field holds transliteration skeletons, so "Tartous" finds "Tartus".
func placeQuery(place string) query.Query {
	text := bleve.NewMatchQuery(place)
	text.SetField(fieldText)
	title := bleve.NewMatchQuery(place)
	title.SetField(fieldTitle)
	names := bleve.NewMatchQuery(place)
	names.SetField(fieldNames)
	return bleve.NewDisjunctionQuery(text, title, names)
}

// figureAsked reports whether figure f answers the question.
func (s *asker) figureAsked(f corpus.Figure, withWho bool) bool {
	if !slices.Contains(s.q.Kinds, f.What) {
		return false
	}
	if who := s.q.Who; withWho && who != "" && who != "people" {
		if !strings.Contains(strings.ToLower(f.Who), strings.TrimSuffix(strings.Fields(who)[0], "s")) {
			return false
		}
	}
	return s.q.Source == "" || speakerMatch(s.q.Source, f.Source) >= nameThreshold
}

// figureKey groups figures that count the same thing from the same source.
func figureKey(f corpus.Figure) string {
	who := strings.ToLower(f.Who)
	switch {
	case who == "" || who == "people" || who == "persons":
		who = "people"
	case strings.Contains(who, "civilian"):
		who = "civilians"
	}
	return strings.ToLower(f.Source) + "|" + who + "|" + f.What
}

// disagreements describes the latest figures of different sources that
// count the same thing and differ.
func disagreements(figs []corpus.Figure) []string {
	type group struct{ figs []corpus.Figure }
	groups := map[string]*group{}
	var keys []string
	for _, f := range figs {
		k := figureKey(corpus.Figure{Who: f.Who, What: f.What})
		if groups[k] == nil {
			groups[k] = &group{}
			keys = append(keys, k)
		}
		groups[k].figs = append(groups[k].figs, f)
	}
	var notes []string
	for _, k := range keys {
		g := groups[k]
		if len(g.figs) < 2 {
			continue
		}
		lo, hi := g.figs[0].Count, g.figs[0].Count
		for _, f := range g.figs {
			lo, hi = min(lo, f.Count), max(hi, f.Count)
		}
		if hi == 0 || float64(hi-lo)/float64(hi) < 0.1 {
			continue
		}
		parts := make([]string, 0, len(g.figs))
		for _, f := range g.figs {
			parts = append(parts, f.Summary())
		}
		notes = append(notes, "Sources report different figures: "+strings.Join(parts, "; ")+".")
	}
	return notes
}

// ---- plain search -------------------------------------------------------

// synonyms widen a question's words to the words news reports use for
// them; each entry's words count as a match for the key.
var synonyms = map[string][]string{
	"start":      {"erupt", "broke", "outbreak", "began", "trigger", "spark"},
	"begin":      {"erupt", "broke", "outbreak", "start", "trigger", "spark"},
	"run":        {"head", "lead", "led", "chief", "director", "leader"},
	"lead":       {"led", "head", "chief", "director", "leader", "run"},
	"leader":     {"head", "chief", "director", "lead"},
	"head":       {"chief", "director", "leader", "lead"},
	"fight":      {"clash", "battl", "combat", "violenc"},
	"clash":      {"fight", "battl", "violenc"},
	"attack":     {"assault", "offens", "strike", "raid"},
	"protest":    {"demonstr", "ralli", "march"},
	"govern":     {"author", "state", "offici"},
	"kill":       {"dead", "die", "death", "slain"},
	"death":      {"kill", "dead", "die"},
	"spi":        {"intellig"},
	"intellig":   {"spi", "secur"},
	"investig":   {"inquiri", "probe", "fact"},
	"caus":       {"behind", "respons", "blame", "link", "due", "becaus", "result", "trigger", "spark"},
	"respons":    {"behind", "blame", "caus"},
	"ceasefir":   {"truce"},
	"truce":      {"ceasefir"},
	"flee":       {"fled", "displac"},
	"displac":    {"fled", "flee"},
	"violenc":    {"clash", "fight", "unrest"},
	"accountabl": {"justic", "prosecut"},
	"accept":     {"declin", "refus", "reject", "agre", "allow", "offer", "welcom"},
	"storm":      {"breach", "broke", "forc", "invad", "rush", "overran", "overrun"},
	"capsiz":     {"sank", "sink", "overturn", "flip"},
	"sink":       {"sank", "capsiz", "overturn"},
	"collaps":    {"cave", "crumbl"},
	"arrest":     {"detain", "custodi"},
	"detain":     {"arrest", "custodi"},
	"evacu":      {"fled", "flee", "displac"},
	"refus":      {"declin", "reject", "deni"},
	"foreign":    {"intern", "countri", "abroad", "oversea"},
	"help":       {"aid", "assist", "relief", "support"},
	"aid":        {"help", "assist", "relief", "humanitarian"},
}

func (s *asker) search(ctx context.Context) ([]*candidate, error) {
	words := s.q.Terms
	if len(words) == 0 {
		if s.f.source == "" && s.f.from.IsZero() {
			return nil, nil
		}
		return s.find(ctx, bleve.NewMatchAllQuery(), candidateCount, "-"+fieldPublished, fieldNumber)
	}
	// One term query per word, by its stem: exact words cost little; only
	// a word the index lacks is looked up fuzzily, as a misspelling.
	s.concepts = s.conceptsOf(ctx, words)
	var disj []query.Query
	for _, c := range s.concepts {
		t := bleve.NewTermQuery(c.stems[0])
		t.SetField(fieldText)
		t.SetBoost(c.weight)
		disj = append(disj, t)
		if c.fuzzy {
			f := bleve.NewFuzzyQuery(c.stems[0])
			f.SetField(fieldText)
			f.SetFuzziness(fuzzinessFor(c.stems[0]))
			f.SetBoost(0.7 * c.weight)
			disj = append(disj, f)
		}
		for _, st := range c.stems[1:] {
			t := bleve.NewTermQuery(st)
			t.SetField(fieldText)
			t.SetBoost(0.5 * c.weight)
			disj = append(disj, t)
		}
		if c.skeleton != "" {
			t := bleve.NewTermQuery(c.skeleton)
			t.SetField(fieldNames)
			t.SetBoost(0.9 * c.weight)
			disj = append(disj, t)
		}
	}
	text := strings.Join(words, " ")
	title := bleve.NewMatchQuery(text)
	title.SetField(fieldTitle)
	title.SetBoost(0.5)
	disj = append(disj, title)
	cands, err := s.find(ctx, bleve.NewDisjunctionQuery(disj...), candidateCount)
	if err != nil {
		return nil, err
	}
	top := topScore(cands)
	kept := cands[:0]
	for _, c := range cands {
		cov, prox := s.coverage(c)
		if cov < minCoverage {
			continue
		}
		c.score = 2*cov + prox*cov + 0.5*c.hitScore/top
		kept = append(kept, c)
	}
	if s.q.Latest {
		preferRecent(kept)
	}
	sortCandidates(kept)
	return kept, nil
}

// preferRecent raises newer passages for questions that ask for the
// latest: up to half a point for the newest article among the candidates.
func preferRecent(cands []*candidate) {
	var oldest, newest time.Time
	for _, c := range cands {
		p := c.sp.Article.Published.Time
		if p.IsZero() {
			continue
		}
		if oldest.IsZero() || p.Before(oldest) {
			oldest = p
		}
		if p.After(newest) {
			newest = p
		}
	}
	span := newest.Sub(oldest)
	if span <= 0 {
		return
	}
	for _, c := range cands {
		if p := c.sp.Article.Published.Time; !p.IsZero() {
			c.score += 0.5 * float64(p.Sub(oldest)) / float64(span)
		}
	}
}

// conceptsOf analyses the question's words into weighted concepts: rare
// words weigh more (inverse document frequency), synonyms count as the word.
func (s *asker) conceptsOf(ctx context.Context, words []string) []concept {
	df, err := s.g.docFreq(ctx)
	if err != nil {
		s.log.Warn("ranking without term statistics", "err", err)
	}
	defer df.close()
	var out []concept
	seen := map[string]bool{}
	fuzzyLookups := 0
	// A question's first words are enough: a pasted paragraph must not
	// turn into dozens of term and fuzzy lookups.
	for _, w := range words[:min(len(words), maxConcepts)] {
		stems := s.stems(w)
		if len(stems) == 0 || seen[stems[0]] {
			continue
		}
		seen[stems[0]] = true
		c := concept{word: w, stems: []string{stems[0]}}
		c.stems = append(c.stems, synonyms[stems[0]]...)
		n, count := df.count(stems[0])
		if count == 0 && fuzzyLookups < maxFuzzy {
			fuzzyLookups++
			count = df.fuzzyCount(stems[0])
			c.fuzzy = count > 0
		}
		c.weight = math.Log(1 + float64(n+1)/float64(count+1))
		if count == 0 {
			// An acronym of an organisation the corpus names: "HTS" for
			// Hayat Tahrir al-Sham. Its name's words count as the word.
			for _, org := range s.expandAcronym(w) {
				for _, word := range strings.FieldsFunc(org, notWordRune) {
					if st := s.stems(word); len(word) >= 4 && len(st) == 1 && unicode.IsUpper([]rune(word)[0]) {
						c.stems = append(c.stems, st[0])
						count = max(count, 1)
					}
				}
			}
		}
		if key := corpus.Skeleton(w); count == 0 && len(key) >= 2 {
			// A name spelt otherwise than the corpus spells it: "Tartous",
			// "ghiath" match by transliteration skeleton.
			if _, k := df.countIn(fieldNames, key); k > 0 {
				c.skeleton = key
			}
		}
		if count == 0 && c.skeleton == "" && s.capitalised(w) && !df.anyOf(c.stems[1:]) {
			// A name the corpus never uses, in any spelling: what it names
			// is most likely not in the corpus, so passages matching only
			// the question's other words should not answer ("death toll in
			// Sudan" when no article mentions Sudan). Ordinary words the
			// corpus lacks are more often paraphrases, and weigh as usual.
			c.weight *= 2
		}
		out = append(out, c)
	}
	return out
}

// capitalised reports whether the question wrote word with a capital
// letter other than at its start, as names are written.
func (s *asker) capitalised(word string) bool {
	fields := strings.FieldsFunc(s.q.Text, notWordRune)
	for i, f := range fields {
		if i > 0 && strings.EqualFold(f, word) && unicode.IsUpper([]rune(f)[0]) {
			return true
		}
	}
	return false
}

// coverage returns the weighted share of the question's concepts that a
// candidate contains (with typo tolerance), and a bonus for how close
// together they stand.
func (s *asker) coverage(c *candidate) (float64, float64) {
	if len(s.concepts) == 0 {
		return 1, 0
	}
	text := c.sp.Paragraph.Text + " " + c.sp.Article.Title
	if s.placeArticles[c.sp.Article.ID] {
		text += " " + s.q.Place
	}
	toks := quickStems(text)
	var total, matched float64
	var positions []int
	for _, con := range s.concepts {
		w := con.weight
		total += w
		pos, best := -1, 0.0
		for _, t := range toks {
			if m := conceptMatch(con, t.term); m > best {
				pos, best = t.pos, m
				if m == 1 {
					break
				}
			}
		}
		if pos < 0 && con.skeleton != "" && mentionsName(c.sp.Paragraph, con.word, con.skeleton) {
			best = 0.9
		}
		if best > 0 {
			matched += w * best
		}
		if pos >= 0 {
			positions = append(positions, pos)
		}
	}
	if total == 0 {
		return 0, 0
	}
	prox := 0.0
	if len(positions) > 1 {
		span := slices.Max(positions) - slices.Min(positions) + 1
		prox = 0.5 * float64(len(positions)) / float64(span)
	}
	return matched / total, prox
}

// conceptMatch scores how an analysed token matches a concept: 1 for the
// same stem; less for a synonym, a longer form ("fight" → "fighter") or a
// misspelling by a letter or two; 0 for no match.
func conceptMatch(c concept, tok string) float64 {
	const near = 0.7
	st := c.stems[0]
	switch {
	case tok == st:
		return 1
	case len(st) >= 4 && strings.HasPrefix(tok, st) && len(tok)-len(st) <= 3,
		len(st) >= 4 && len(tok)-len(st) >= 4 && strings.HasSuffix(tok, st): // "quake" in "earthquake"
		return near
	case len(st) >= 9 && abs(len(st)-len(tok)) <= 1 && corpus.EditDistance(st, tok, 2) <= 2,
		len(st) >= 5 && corpus.EditDistance(st, tok, 1) <= 1:
		return near
	}
	for _, syn := range c.stems[1:] {
		if strings.HasPrefix(tok, syn) {
			return near
		}
	}
	return 0
}

// highlights returns the words of a candidate's text that matched.
func (s *asker) highlights(c *candidate) []string {
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range strings.FieldsFunc(c.sp.Paragraph.Text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’' && r != ','
	}) {
		w = strings.Trim(w, "-'’,")
		if w == "" {
			continue
		}
		for _, n := range c.names {
			if strings.EqualFold(strings.Trim(n, ",.;:’'"), w) {
				add(w)
			}
		}
		for _, f := range c.figures {
			if strings.Contains(f.CountText, w) && strings.ContainsAny(w, "0123456789") {
				add(w)
			}
		}
		if strings.ContainsRune(w, ',') {
			continue
		}
		st := s.stems(w)
		if len(st) == 1 {
			for _, con := range s.concepts {
				if conceptMatch(con, st[0]) > 0 {
					add(w)
				}
			}
		}
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

// fuzzinessFor is how many edits a misspelt word may be from a real one:
// one for most words, two for long ones.
func fuzzinessFor(term string) int {
	if len(term) >= 9 {
		return 2
	}
	return 1
}

// mentionsName reports whether a name the paragraph mentions has a word
// spelt like word in another transliteration: the same skeleton key and a
// close whole-word match, so that "Aleppo" does not find "Libya".
func mentionsName(p corpus.Paragraph, word, key string) bool {
	for _, m := range p.Mentions {
		for _, w := range strings.FieldsFunc(m.Text+" "+m.Name, notWordRune) {
			if corpus.Skeleton(w) == key && corpus.NameMatch(word, w) >= nameThreshold {
				return true
			}
		}
	}
	return false
}

// containsWords reports whether text holds phrase as whole words.
func containsWords(text, phrase string) bool {
	if phrase == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(phrase)
		before := start == 0 || notWordRune([]rune(text[:start])[len([]rune(text[:start]))-1])
		after := end == len(text) || notWordRune([]rune(text[end:])[0])
		if before && after {
			return true
		}
		i = start + 1
	}
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

// speechVerbs are the verbs that make the phrase before them a speaker.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "reported": true, "reports": true,
	"announced": true, "stated": true, "warned": true, "added": true, "estimated": true,
	"confirmed": true, "claimed": true, "denied": true, "wrote": true,
}

// speaksIn reports whether text names name as a speaker: followed by a
// speech verb ("the UN human rights office said") or after "according to".
func speaksIn(text, name string) bool {
	lower := strings.ToLower(text)
	name = strings.ToLower(strings.TrimSpace(name))
	if len(name) < 3 {
		return false
	}
	for i := 0; ; {
		j := strings.Index(lower[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		if (start == 0 || notWordRune(rune(lower[start-1]))) && (end == len(lower) || notWordRune(rune(lower[end]))) {
			after := strings.FieldsFunc(lower[end:], notWordRune)
			before := strings.Fields(lower[:start])
			if len(after) > 0 && speechVerbs[after[0]] {
				return true
			}
			if n := len(before); n >= 2 && before[n-2] == "according" && before[n-1] == "to" ||
				n >= 3 && before[n-3] == "according" && before[n-2] == "to" && before[n-1] == "the" {
				return true
			}
		}
		i = start + 1
	}
}

// bodyNouns are the head nouns of organisations' names and descriptions
// (singular): a question naming a body by them may leave words out.
var bodyNouns = map[string]bool{
	"ministry": true, "office": true, "agency": true, "observer": true, "mission": true, "council": true,
	"committee": true, "commission": true, "department": true, "authority": true, "authoritie": true,
	"service": true, "group": true, "network": true, "observatory": true, "monitor": true, "army": true,
	"police": true, "force": true, "government": true, "union": true, "organisation": true,
	"organization": true, "institute": true, "court": true, "party": true, "movement": true, "front": true,
	"hospital": true, "centre": true, "center": true, "unit": true, "board": true, "bureau": true,
	"administration": true, "directorate": true, "programme": true, "program": true, "fund": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "military": true, "crescent": true,
}
