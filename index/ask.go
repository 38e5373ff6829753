package index

// A question's way through the engine, top to bottom: Ask (or Search,
// Tolls) parses it, answer picks the strategy for its intent (who.go,
// said.go, figures.go, search.go), the strategy fetches candidates from
// the index (query.go, through bleveindex) and scores them with the rules
// of package rank, and answer turns the best into a corpus.Result.

import (
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

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/question"
	"github.com/newsdesk/newsdesk/corpus/text"
	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
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
	placeArticleLimit    = 40  // articles about a place that a figure question reads
	nameArticleLimit     = 200 // paragraphs read to find the articles that name a word of the question
)

// AskOptions configures Ask.
type AskOptions struct {
	Limit  int // answers per page; DefaultLimit when 0, at most MaxLimit
	Offset int // answers to skip, for paging
}

// Ask answers a question in plain words. Any text is a question and none
// of it is query syntax; an empty question is an EINVALID error.
func (e *Engine) Ask(ctx context.Context, text string, opts AskOptions) (*corpus.Result, error) {
	return e.answer(ctx, text, question.Parse(text), filters{}, opts)
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
	q := question.Parse(opts.Query)
	q.Intent, q.Subject = corpus.IntentSearch, ""
	f := filters{source: strings.ToLower(strings.TrimSpace(opts.Source)), from: opts.From, to: opts.To, sourceName: strings.TrimSpace(opts.Source)}
	return e.answer(ctx, opts.Query, q, f, AskOptions{Limit: opts.Limit, Offset: opts.Offset})
}

// Tolls returns the latest casualty figures per source, optionally for one
// place, newest first: up to MaxLimit passages.
func (e *Engine) Tolls(ctx context.Context, place string) (*corpus.Result, error) {
	place = question.Clean(place, 100)
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
			ids = append(ids, bleveindex.DocID(articleID, n))
		}
	}
	docs, err := g.fetch(ctx, ids)
	if err != nil {
		return nil, err
	}
	sp, ok := docs[bleveindex.DocID(articleID, paragraph)]
	if !ok {
		return nil, corpus.Errorf(corpus.ENOTFOUND, "That passage is no longer in the index.")
	}
	a := newAnswer(sp.Article, sp.Paragraph, 0)
	for n := paragraph - radius; n <= paragraph+radius; n++ {
		if n != paragraph {
			if c, ok := docs[bleveindex.DocID(articleID, n)]; ok {
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
	// sourceName is the outlet as the caller wrote it, for notes.
	sourceName string
}

// asker answers one question against one generation: the strategies'
// control flow and their searches. The question and what ranking learns
// of it live in the embedded rank.Ranker.
type asker struct {
	*rank.Ranker
	// model ranks the pool; nil keeps the strategies' own order.
	model *rank.Model
	// rejected are the candidates a strategy's rules did not accept:
	// they stay in the pool.
	rejected []*rank.Candidate
	// unknown is the name the question asks about that no article
	// mentions, once found.
	unknown string
	log     *slog.Logger
	g       *generation
	// stems is the Ranker's Stems.
	stems *bleveindex.Stemmer
	f     filters
	notes []string
}

// answer answers a parsed question: the strategy of its intent finds and
// ranks candidates, the pool widens and reranks them, and the page asked
// for becomes the Result.
func (e *Engine) answer(ctx context.Context, raw string, q corpus.Question, f filters, opts AskOptions) (*corpus.Result, error) {
	limit := opts.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(opts.Offset, 0)
	ctx, cancel := withSearchTimeout(ctx)
	defer cancel()
	s, release, err := e.newAsker(q, f)
	if err != nil {
		return nil, err
	}
	defer release()
	cands, err := s.ranked(ctx, false)
	if err != nil {
		return nil, err
	}
	return s.result(ctx, raw, cands, offset, limit)
}

// withSearchTimeout bounds ctx by SearchTimeout unless it has a deadline.
func withSearchTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, SearchTimeout)
}

// newAsker checks a question and readies an asker on the current
// generation; release gives the generation back.
func (e *Engine) newAsker(q corpus.Question, f filters) (*asker, func(), error) {
	if q.Text == "" && f.source == "" && f.from.IsZero() && f.to.IsZero() {
		return nil, nil, corpus.Errorf(corpus.EINVALID, "Ask me a question, for example “who is Ahmed al-Shara” or “latest death toll”.")
	}
	g, release := e.acquire()
	if g == nil {
		return nil, nil, errNoIndex
	}
	stems := g.idx.Stemmer()
	s := &asker{g: g, f: f, log: e.log, model: e.currentModel(), stems: stems, Ranker: &rank.Ranker{
		Question: q, Stems: stems, Synonyms: e.synonyms, Organisations: g.summary.Organisations, Outlets: g.summary.Sources,
	}}
	s.applyQuestionFilters()
	return s, release, nil
}

// ranked returns the question's candidates, best first: none when it
// names someone or something no article mentions; else the strategy's,
// widened to the pool and ranked by the model. keepAll keeps the
// candidates the model's threshold would refuse (for training).
func (s *asker) ranked(ctx context.Context, keepAll bool) ([]*rank.Candidate, error) {
	if name, err := s.unknownName(ctx); err != nil || name != "" {
		if err != nil {
			return nil, err
		}
		s.unknown = name
		s.notes = append(s.notes, fmt.Sprintf("I found no article that mentions %s.", name))
		return nil, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	started := s.startPool(ctx)
	defer func() {
		cancel()
		started.wait() // its goroutine ends before the question does
	}()
	cands, err := s.candidates(ctx)
	if err == nil {
		cands, err = s.pool(ctx, cands, keepAll, started)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return nil, corpus.Errorf(corpus.EINVALID, "That question took too long to answer; try fewer or more specific words.")
	}
	return cands, err
}

// candidates runs the strategy of the question's intent. When the said
// strategy finds no passage of the speaker asked about, the question's
// words are searched instead, so a speaker the text names otherwise (by
// role, by institution) still gets the passages on the topic. A who
// question is not searched so: a person no passage names is not in the
// corpus, whatever passages share the question's other words; a figure
// question falls back to a search of its own (figuresBySearch).
func (s *asker) candidates(ctx context.Context) ([]*rank.Candidate, error) {
	switch s.Question.Intent {
	case corpus.IntentWho:
		return s.who(ctx)
	case corpus.IntentFigure:
		return s.figures(ctx)
	case corpus.IntentSaid:
		cands, err := s.said(ctx)
		if err != nil || len(cands) > 0 {
			return cands, err
		}
		if ok, err := s.speakerKnown(ctx); err != nil || !ok {
			return nil, err
		}
		notes := s.notes
		s.notes = nil
		if cands, err = s.search(ctx); len(cands) == 0 {
			s.notes = notes
		}
		return cands, err
	}
	return s.search(ctx)
}

// speakerKnown reports whether the speaker of a said question is a
// description ("an eyewitness", "the authorities", "the UN human rights
// office") or a name that some passage carries.
func (s *asker) speakerKnown(ctx context.Context) (bool, error) {
	subject := text.AsTyped(s.Question.Text, s.Question.Subject)
	if absent, err := s.absentRoleWord(ctx, subject); err != nil || absent {
		return false, err // "the apple ceo" where no article mentions Apple
	}
	if !strings.ContainsFunc(subject, unicode.IsUpper) {
		return true, nil
	}
	if words := text.Fields(strings.ToLower(subject)); len(words) > 1 && (text.OrgHeads[words[len(words)-1]] || text.OrgNouns[words[len(words)-1]]) {
		return true, nil // a body named by its description: "the UN human rights office"
	}
	named, err := s.who(ctx)
	return len(named) > 0, err
}

// absentRoleWord reports whether the description subject names its
// position with a word no paragraph has (rank.UnknownDescription).
func (s *asker) absentRoleWord(ctx context.Context, subject string) (bool, error) {
	if len(rank.RoleWords(subject)) == 0 {
		return false, nil
	}
	df, err := s.g.idx.TermStats(ctx)
	if err != nil {
		s.log.Warn("description unchecked without term statistics", "err", err)
		return false, nil
	}
	defer df.Close()
	return s.UnknownDescription(df, subject), nil
}

// unknownName returns a name the question asks about that no paragraph
// mentions in any spelling, or "".
func (s *asker) unknownName(ctx context.Context) (string, error) {
	df, err := s.g.idx.TermStats(ctx)
	if err != nil {
		s.log.Warn("names unchecked without term statistics", "err", err)
		return "", nil
	}
	defer df.Close()
	return s.UnknownName(df), nil
}

// result makes the Result of a page of the ranked candidates.
func (s *asker) result(ctx context.Context, raw string, cands []*rank.Candidate, offset, limit int) (*corpus.Result, error) {
	q := s.Question
	res := &corpus.Result{Query: raw, Intent: q.Intent, Subject: q.Subject, Notes: s.notes, Answers: []corpus.Answer{}}
	if q.Intent == corpus.IntentFigure && q.Place != "" && res.Subject == "" {
		res.Subject = q.Place
	}
	if len(cands) == 0 && len(res.Notes) == 0 {
		res.Notes = append(res.Notes, rank.NoAnswerNote(q, s.f.sourceName))
	}
	if offset >= len(cands) {
		if len(cands) > 0 {
			res.Notes = append(res.Notes, corpus.NoteNoMorePassage)
		}
		return res, nil
	}
	page := cands[offset:min(offset+limit, len(cands))]
	res.More = offset+limit < len(cands)
	if err := s.fillContext(ctx, page); err != nil {
		return nil, err
	}
	for _, c := range page {
		a := newAnswer(c.Article, c.Paragraph, c.Score)
		if c.Figures != nil {
			a.Figures = c.Figures
		} else if q.Intent == corpus.IntentFigure {
			// A passage the figure strategy did not choose shows only the
			// figures that answer the question (kind, group, source).
			a.Figures = slices.DeleteFunc(slices.Clone(a.Figures), func(f corpus.Figure) bool { return !s.FigureAsked(c, f, true) })
		}
		a.Highlights = s.Highlights(c)
		if c.ContextBefore || c.ContextAfter {
			a.Context = c.Context
		}
		res.Answers = append(res.Answers, a)
	}
	return res, nil
}

// newAnswer turns a stored paragraph into an Answer.
func newAnswer(article corpus.ArticleRef, p corpus.Paragraph, score float64) corpus.Answer {
	a := corpus.Answer{
		Text:        p.Text,
		Score:       math.Round(score*1000) / 1000,
		Paragraph:   p.Number,
		Article:     article,
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
	q := &s.Question
	if s.f.source == "" {
		if src := s.knownSource(q.Subject); src != "" && q.Intent == corpus.IntentSaid {
			s.f.source = src
			q.Intent, q.Subject = corpus.IntentSearch, ""
			q.Terms = q.Topic
		} else if src := s.sourceInTerms(); src != "" {
			s.f.source = src
		}
	}
	if q.Intent == corpus.IntentSaid {
		// "what did a resident tell the guardian": the outlet told is
		// whom it was said to, not what it was about.
		q.Topic = q.Topic[s.outletWords(q.Topic):]
	}
	if q.Year != 0 && q.On.IsZero() && s.f.from.IsZero() && s.f.to.IsZero() {
		// "the 2015 heatwave": what was published, or for a figure
		// reported, in that year.
		s.f.from = corpus.Date{Time: time.Date(q.Year, 1, 1, 0, 0, 0, 0, time.UTC)}
		s.f.to = corpus.Date{Time: time.Date(q.Year, 12, 31, 0, 0, 0, 0, time.UTC)}
	}
	if !q.On.IsZero() && s.f.from.IsZero() && s.f.to.IsZero() {
		day := q.On.In(s.latestYear())
		s.f.from, s.f.to = day, day
		if q.Intent == corpus.IntentFigure {
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
	for _, src := range s.g.summary.Sources {
		if src == name || strings.TrimPrefix(src, "the ") == name || strings.HasPrefix(src, name+" ") {
			return src
		}
	}
	return ""
}

// outletWords returns how many of the first words name an outlet of the
// index, in full or by its initials ("guardian", "ap" for the Associated
// Press); 0 when they name none.
func (s *asker) outletWords(words []string) int {
	for n := min(3, len(words)); n > 0; n-- {
		name := strings.Join(words[:n], " ")
		for _, src := range s.g.summary.Sources {
			src = strings.TrimPrefix(src, "the ")
			if src == name || strings.TrimSuffix(src, " news") == name || n == 1 && len(name) >= 2 && strings.ToLower(names.Initials(capitalised(src))) == name {
				return n
			}
		}
	}
	return 0
}

// capitalised writes each word of s with a capital, as a name: the
// outlets of the index are lower-case.
func capitalised(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// sourceInTerms finds an outlet named among the question's words and
// removes it from the terms.
func (s *asker) sourceInTerms() string {
	joined := " " + strings.Join(s.Question.Terms, " ") + " "
	for _, src := range s.g.summary.Sources {
		if strings.Contains(joined, " "+src+" ") {
			s.Question.Terms = strings.Fields(strings.Replace(joined, " "+src+" ", " ", 1))
			return src
		}
	}
	return ""
}

// latestYear is the year of the newest article, for days named without a year.
func (s *asker) latestYear() int {
	if s.g.summary.Newest.IsZero() {
		return time.Now().Year()
	}
	return s.g.summary.Newest.Year()
}
