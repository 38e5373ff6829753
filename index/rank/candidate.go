package rank

import (
	"cmp"
	"slices"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
)

// Candidate is a paragraph being ranked for a question.
type Candidate struct {
	ID       string  // the paragraph's document ID
	HitScore float64 // the search's relevance score
	Article  corpus.ArticleRef
	// Paragraph is the paragraph, analysed.
	Paragraph corpus.Paragraph
	Score     float64
	// Strategy is its rank (from 1) among the passages the strategy of the
	// question's intent accepted, 0 when that strategy did not accept it;
	// StrategyScore is the strategy's score.
	Strategy      int
	StrategyScore float64
	// Plain is its rank (from 1) in the plain search of the question's
	// words, 0 when that search did not find it; PlainScore is that
	// search's relevance.
	Plain      int
	PlainScore float64
	// Features are its features once the pool is ranked.
	Features Features
	// Figures are the figures that answer a figure question.
	Figures []corpus.Figure
	// Reported orders figure answers: the newest figure they carry.
	Reported corpus.Date
	// ContextBefore asks for the paragraph before to be shown with it.
	ContextBefore bool
	// ContextAfter is set when the paragraph after is shown with it, last
	// in Context: it carries on what the candidate says.
	ContextAfter bool
	// Names are words to emphasise besides the question's terms.
	Names []string
	// Role is the description of the person asked about, for context.
	Role string
	// Context are the paragraphs shown with it.
	Context []string
	// words are its text's and headline's words, stemmed; read by coverage.
	words []string
}

// TopScore is the best search score among cands, 1 when none scored.
func TopScore(cands []*Candidate) float64 {
	top := 0.0
	for _, c := range cands {
		top = max(top, c.HitScore)
	}
	if top == 0 {
		return 1
	}
	return top
}

// Sort orders candidates best first; ties go to the newer article, then
// the earlier paragraph, then the article ID, so that the order never
// depends on the index's internal document order.
func Sort(cands []*Candidate) {
	slices.SortStableFunc(cands, func(a, b *Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), tieOrder(a, b))
	})
}

// tieOrder orders candidates of equal score: the newer article first,
// then the earlier paragraph, then by article ID.
func tieOrder(a, b *Candidate) int {
	return cmp.Or(
		b.Article.Published.Compare(a.Article.Published.Time),
		cmp.Compare(a.Paragraph.Number, b.Paragraph.Number),
		cmp.Compare(a.Article.ID, b.Article.ID),
	)
}

// PreferRecent raises newer passages for questions that ask for the
// latest: up to half a point for the newest article among the candidates.
func PreferRecent(cands []*Candidate) {
	var oldest, newest time.Time
	for _, c := range cands {
		p := c.Article.Published.Time
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
		if p := c.Article.Published.Time; !p.IsZero() {
			c.Score += 0.5 * float64(p.Sub(oldest)) / float64(span)
		}
	}
}

// Concept is one content word of the question with the stems that count
// as a match for it: its own stem and those of its synonyms.
type Concept struct {
	Word   string
	Stems  []string
	Weight float64
	Fuzzy  bool // the index lacks it but has words a letter or two away
	// Absent is set for an ordinary word no passage uses in any form: a
	// paraphrase, weighed low.
	Absent bool
	// Skeleton is set when the word matches names only by transliteration.
	Skeleton string
	// Docs is how many paragraphs have its stem.
	Docs int
	// InText[i] tells whether the text field has Stems[i] at all: a
	// search clause for a stem it lacks matches nothing and only slows
	// the search down.
	InText []bool
	// Articles are the articles that name it somewhere, for a name the
	// question writes with a capital ("in Nepal"): a passage of an article
	// about Nepal need not repeat the word.
	Articles map[string]bool
}

// HasInText reports whether the text field may have Stems[i]: false only
// when the term statistics say it has not.
func (c Concept) HasInText(i int) bool {
	return c.InText == nil || i >= len(c.InText) || c.InText[i]
}
