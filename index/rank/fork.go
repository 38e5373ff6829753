package rank

// Fork returns a Ranker for the same question that shares no memo with
// r, analysing text with stems (a Stemmer of its own): r and the fork
// may then compute the features of different candidates at the same
// time. Fork while nothing else uses r (the fork copies it); neither may
// change the question's fields (Concepts, PlaceArticles…) while the
// other computes, since both read them.
func (r *Ranker) Fork(stems Stemmer) *Ranker {
	f := *r
	f.Stems = stems
	f.matches = nil
	return &f
}
