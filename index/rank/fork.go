package rank

import "maps"

// Fork returns a Ranker for the same question that shares no memo with
// r, analysing text with stems (a Stemmer of its own, which may know
// what r's knows): r and the fork may then compute the features of
// different candidates at the same time. The fork starts with a copy of
// r's memo. Fork while nothing else uses r; neither may change the
// question's fields (Concepts, PlaceArticles…) while the other
// computes, since both read them.
func (r *Ranker) Fork(stems Stemmer) *Ranker {
	f := *r
	f.Stems = stems
	f.matches = maps.Clone(r.matches)
	return &f
}
