package index

// The pool: every question's candidates are what its strategy accepted
// plus what a plain search of its words finds, at least as many as a
// plain BM25 would give, and one learned model (rank.Model) ranks them
// all. No rule removes a candidate; the strategies' verdicts are features.

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/question"
	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

// poolSize is how many passages the plain search adds to a pool.
const poolSize = 50

// noteClosest is the note of an answer no strategy accepted.
const noteClosest = "No passage answers that exactly; these come closest."

// pool widens the strategy's accepted candidates to the question's pool
// and ranks it with the model: nothing when the best scores below the
// model's threshold, unless keepAll.
func (s *asker) pool(ctx context.Context, accepted []*rank.Candidate, keepAll bool, started *pendingSearch) ([]*rank.Candidate, error) {
	if s.model == nil {
		return accepted, nil
	}
	for i, c := range accepted {
		c.Strategy, c.StrategyScore = i+1, c.Score
	}
	strategyConcepts := s.Concepts
	defer func() { s.Concepts = strategyConcepts }()
	if s.Question.Intent != corpus.IntentSearch || len(strategyConcepts) == 0 {
		// A search's concepts are already the question's words.
		s.Concepts = s.conceptsOf(ctx, s.Question.Terms)
	}
	if len(s.Question.Topic) > 0 {
		s.TopicConcepts = s.conceptsOf(ctx, s.Question.Topic)
	}
	var plain []*rank.Candidate
	if s.Question.Intent == corpus.IntentSearch {
		// The search strategy's query is the plain search of the
		// question's words: its hits, accepted or not, rank as such.
		plain = slices.Concat(accepted, s.rejected)
		slices.SortStableFunc(plain, func(a, b *rank.Candidate) int { return cmp.Compare(b.HitScore, a.HitScore) })
		for i, c := range plain {
			c.Plain, c.PlainScore = i+1, c.HitScore
		}
	} else {
		known := make(map[string]*rank.Candidate, len(accepted)+len(s.rejected))
		for _, c := range slices.Concat(accepted, s.rejected) {
			known[c.ID] = c
		}
		var err error
		if plain, err = s.plainSearch(ctx, started, known); err != nil {
			return nil, err
		}
		plain = append(s.rejected, plain...)
	}
	pool := merge(accepted, plain)
	if len(pool) == 0 {
		return nil, nil
	}
	if s.Question.Intent != corpus.IntentSearch {
		if err := s.nameArticles(ctx); err != nil {
			return nil, err
		}
	}
	fs := s.poolFeatures(pool)
	rank.SetGaps(fs)
	ordered := make([]*rank.Candidate, len(pool))
	for i, k := range s.model.Order(fs) {
		c := pool[k]
		c.Features, c.Score = fs[k], s.model.Score(fs[k])
		ordered[i] = c
	}
	pool = ordered
	if !keepAll && !s.model.Answers(features(pool)) {
		return nil, nil
	}
	if !keepAll && pool[0].Strategy == 0 {
		// No strategy answers, and a word of the count asked for is one no
		// article uses: the closest passages count something else.
		if w := s.NeverSaid(); w != "" {
			s.notes = append(s.notes, fmt.Sprintf("I found no passage that answers that: no article uses the word “%s”.", w))
			return nil, nil
		}
	}
	if pool[0].Strategy == 0 {
		s.notes = []string{noteClosest}
	}
	return pool, nil
}

// parallelFeatures is how many candidates a pool needs for their
// features to be computed on every core: a fork of the Ranker copies its
// stemmer's stems and its memo.
const parallelFeatures = 24

// poolFeatures computes the features of the pool's candidates, in order:
// a good part of a question's time, so a large pool's are computed on
// every core, each worker with a Ranker of its own (rank.Ranker.Fork),
// the features the same as one Ranker's.
func (s *asker) poolFeatures(pool []*rank.Candidate) []rank.Features {
	ps := s.PoolStats(pool)
	fs := make([]rank.Features, len(pool))
	workers := min(runtime.GOMAXPROCS(0), len(pool)/parallelFeatures)
	if workers < 2 {
		for i, c := range pool {
			fs[i] = s.Features(c, ps)
		}
		return fs
	}
	// Forked before any worker starts: a fork copies the Ranker.
	rankers := []*rank.Ranker{s.Ranker}
	for range workers - 1 {
		rankers = append(rankers, s.Ranker.Fork(s.stems.Clone()))
	}
	var wg sync.WaitGroup
	for w, r := range rankers {
		wg.Go(func() {
			for i := w; i < len(pool); i += workers {
				fs[i] = r.Features(pool[i], ps)
			}
		})
	}
	wg.Wait()
	return fs
}

// features returns the features of cands, in order.
func features(cands []*rank.Candidate) []rank.Features {
	out := make([]rank.Features, len(cands))
	for i, c := range cands {
		out[i] = c.Features
	}
	return out
}

// plainSearch runs the plain search of the question's words over the
// text, the headline and the names (a name in any spelling: "Dalla" for
// "Dallah"), with a misspelt word's near spellings, and for a who or said
// question its subject's names. The asker's Concepts must be the
// question's words'. A word in more than a tenth of the paragraphs, and
// in more than commonDocs, is left out while rarer ones remain: it would
// cost a scan of a large part of the index and barely move a score.
// started, when not nil, is the search started beside the strategy's
// (asker.startPlainSearch), of the same concepts.
func (s *asker) plainSearch(ctx context.Context, started *pendingSearch, known map[string]*rank.Candidate) ([]*rank.Candidate, error) {
	if started == nil {
		started = s.startPlainSearch(ctx, s.Concepts)
	}
	hits, reads, err := started.read(known)
	if err != nil || hits == nil {
		return nil, err
	}
	cands, err := s.candidatesOf(hits.Hits, reads, known)
	for i, c := range cands {
		c.Plain, c.PlainScore = i+1, c.HitScore
	}
	return cands, err
}

// startPool starts the pool's plain search of the question's words for a
// question whose pool has one (not a search question's, whose strategy
// searches them), nil otherwise.
func (s *asker) startPool(ctx context.Context) *pendingSearch {
	if s.model == nil || s.Question.Intent == corpus.IntentSearch {
		return nil
	}
	return s.startPlainSearch(ctx, s.conceptsOf(ctx, s.Question.Terms))
}

// plainQuery is the plain search's query of concepts and the question's
// slots; ok is false when there is nothing to search.
func (s *asker) plainQuery(concepts []rank.Concept) (q bleveindex.Query, ok bool) {
	var parts []bleveindex.Query
	for _, c := range searchedConcepts(concepts) {
		parts = append(parts, bleveindex.Term(bleveindex.FieldText, c.Stems[0]), bleveindex.Term(bleveindex.FieldTitle, c.Stems[0]).Boost(0.5))
		if c.Fuzzy || s.Capitalised(c.Word) {
			parts = append(parts, bleveindex.Fuzzy(bleveindex.FieldText, c.Stems[0]))
		}
		if c.Skeleton != "" || s.Capitalised(c.Word) {
			parts = append(parts, bleveindex.Match(bleveindex.FieldNames, c.Word).Boost(0.5))
		}
	}
	if subject := s.Question.Subject; subject != "" && (s.Question.Intent == corpus.IntentWho || s.Question.Intent == corpus.IntentSaid) {
		parts = append(parts, bleveindex.Match(bleveindex.FieldNames, strings.TrimPrefix(subject, "the ")))
	}
	if q := s.Question; q.Intent == corpus.IntentFigure && q.Source != "" && len(q.Kinds) > 0 {
		// The figures of the source asked for: its outlet's, those it is
		// quoted for, those its name stands beside ("per al jazeera",
		// "what toll did the fire chief give").
		kinds := make([]bleveindex.Query, len(q.Kinds))
		for i, k := range q.Kinds {
			kinds[i] = bleveindex.Term(bleveindex.FieldWhat, k)
		}
		source := bleveindex.Or(bleveindex.Outlet(q.Source), bleveindex.MatchEvery(bleveindex.FieldSpeakers, q.Source), bleveindex.MatchEvery(bleveindex.FieldText, q.Source))
		parts = append(parts, bleveindex.And(bleveindex.Or(kinds...), source))
	}
	if len(parts) == 0 {
		return bleveindex.Query{}, false
	}
	return bleveindex.Or(parts...), true
}

// commonWeight is the weight (rank.Concept.Weight) of a word in a tenth
// of the paragraphs, log(1 + 10); commonDocs is how many paragraphs a
// word must also be in to be left out of the plain search (in a small
// corpus every word costs little).
var commonWeight = math.Log(11)

const commonDocs = 2000

// searchedConcepts are the concepts the plain search looks up: all but
// the common ones, or the rarest when all are common.
func searchedConcepts(concepts []rank.Concept) []rank.Concept {
	var out []rank.Concept
	rarest := -1
	for i, c := range concepts {
		if c.Weight >= commonWeight || c.Docs <= commonDocs {
			out = append(out, c)
		}
		if rarest < 0 || c.Weight > concepts[rarest].Weight {
			rarest = i
		}
	}
	if len(out) == 0 && rarest >= 0 {
		out = append(out, concepts[rarest])
	}
	return out
}

// merge joins the accepted candidates and the plain search's, one per
// paragraph: an accepted one keeps what its strategy chose (figures,
// context) and gains its plain rank.
func merge(accepted, plain []*rank.Candidate) []*rank.Candidate {
	byID := make(map[string]*rank.Candidate, len(accepted)+len(plain))
	pool := make([]*rank.Candidate, 0, len(accepted)+len(plain))
	for _, c := range accepted {
		if _, dup := byID[c.ID]; !dup {
			byID[c.ID] = c
			pool = append(pool, c)
		}
	}
	for _, c := range plain {
		if a, ok := byID[c.ID]; ok {
			a.Plain, a.PlainScore = c.Plain, c.PlainScore
			continue
		}
		byID[c.ID] = c
		pool = append(pool, c)
	}
	return pool
}

// PoolEntry is one candidate of a question's pool as the model sees it:
// the answer it would give, its context filled, and its features.
type PoolEntry struct {
	Answer   corpus.Answer
	Features rank.Features
}

// Pool returns a question's whole pool, best first by the current model,
// none refused by its threshold, each with context: what `newsdesk
// train` fits the model to. refused is set when the question is refused
// before ranking (it names what no article mentions).
func (e *Engine) Pool(ctx context.Context, raw string) (entries []PoolEntry, refused bool, err error) {
	ctx, cancel := withSearchTimeout(ctx)
	defer cancel()
	s, release, err := e.newAsker(question.Parse(raw), filters{})
	if err != nil {
		return nil, false, err
	}
	defer release()
	if s.model == nil {
		return nil, false, corpus.Errorf(corpus.EINVALID, "The engine has no ranking model.")
	}
	cands, err := s.ranked(ctx, true)
	if err != nil || len(cands) == 0 {
		return nil, s.unknown != "", err
	}
	if err := s.fillContext(ctx, cands); err != nil {
		return nil, false, err
	}
	for _, c := range cands {
		a := newAnswer(c.Article, c.Paragraph, c.Score)
		a.Context = c.Context
		entries = append(entries, PoolEntry{Answer: a, Features: c.Features})
	}
	return entries, false, nil
}
