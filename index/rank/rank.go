// Package rank holds newsdesk's ranking rules, in pure Go: the concepts a
// question's words stand for and their weights, synonyms, how much of a
// question a passage covers, speaker and role matching, the choice of the
// latest figures, highlights and the notes an answer carries. It knows no
// index: the engine (package index) fetches candidate passages and term
// statistics and hands them in, with the index's stemming behind the
// Stemmer interface, so every rule is tested without building an index.
package rank

import "github.com/newsdesk/newsdesk/corpus"

// Thresholds and limits of ranking.
const (
	// NameThreshold is the least name similarity that counts as the same
	// name or speaker.
	NameThreshold = 0.85
	// MinCoverage is the share of a question's weighted concepts a
	// passage must contain.
	MinCoverage = 0.5
	// MaxConcepts is how many of a question's words are looked up.
	MaxConcepts = 12
	// maxFuzzy is how many of those are looked up as misspellings.
	maxFuzzy = 4
)

// Stemmer gives ranking the index's analysis of text.
type Stemmer interface {
	// Terms returns the terms of text as the index analyses it (stop
	// words and possessives dropped).
	Terms(text string) []string
	// Words returns every word of text, stemmed as Terms stems it, stop
	// words kept; a word's position is its index plus one.
	Words(text string) []string
}

// TermStats are the document frequencies of the index's terms.
type TermStats interface {
	// Count returns the number of documents and how many hold term in
	// their text.
	Count(term string) (docs, with uint64)
	// NameCount returns the number of documents and how many name a name
	// with the skeleton key.
	NameCount(key string) (docs, with uint64)
	// TitleCount returns how many documents hold term in their headline.
	TitleCount(term string) uint64
	// FuzzyCount returns how many documents hold a misspelling of term.
	FuzzyCount(term string) uint64
	// NearCount returns how many documents hold a word one edit from
	// term, for words of four letters too.
	NearCount(term string) uint64
	// Lacks reports whether the text certainly has no term.
	Lacks(term string) bool
}

// Ranker ranks passages for one question. It is not safe for concurrent
// use.
type Ranker struct {
	// Question is the question, as parsed (and narrowed by the engine).
	Question corpus.Question
	// Stems analyses texts as the index does.
	Stems Stemmer
	// Synonyms widen the question's stems.
	Synonyms *Synonyms
	// Organisations are the organisations the corpus names, for acronyms.
	Organisations []string
	// Outlets are the outlets the corpus's articles come from, lower-case:
	// a question may name one the text never does.
	Outlets []string
	// Concepts are the question's weighted concepts (see Concepts).
	Concepts []Concept
	// PlaceArticles are the articles that name the place a figure
	// question asks about.
	PlaceArticles map[string]bool
	// TopicConcepts are the concepts of the question's Topic, for the
	// topic feature.
	TopicConcepts []Concept

	// matches remembers conceptMatch (Ranker.match).
	matches map[matchKey]float64
}
