package rank

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Capitalised reports whether the question wrote word with a capital
// letter other than at its start, as names are written.
func (r *Ranker) Capitalised(word string) bool {
	fields := text.Fields(r.Question.Text)
	for i, f := range fields {
		if i > 0 && strings.EqualFold(f, word) && unicode.IsUpper([]rune(f)[0]) {
			return true
		}
	}
	return false
}

// Coverage returns the weighted share of the question's concepts that a
// candidate contains (with typo tolerance), and a bonus for how close
// together they stand.
func (r *Ranker) Coverage(c *Candidate) (float64, float64) {
	return r.coverageOf(r.Concepts, c)
}

// coverageOf is Coverage for other concepts than the question's.
func (r *Ranker) coverageOf(concepts []Concept, c *Candidate) (float64, float64) {
	if len(concepts) == 0 {
		return 1, 0
	}
	toks := r.wordsOf(c)
	var total, matched float64
	var positions []int
	for _, con := range concepts {
		w := con.Weight
		total += w
		pos, best := -1, 0.0
		for i, t := range toks {
			if m := r.match(con, t); m > best {
				pos, best = i+1, m
				if m == 1 {
					break
				}
			}
		}
		if pos < 0 && con.Skeleton != "" && mentionsName(c.Paragraph, con.Word, con.Skeleton) {
			best = 0.9
		}
		if best == 0 && con.Articles[c.Article.ID] {
			best = 0.8 // an article about Nepal: the passage need not say it
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

// wordsOf returns the stemmed words of a candidate's passage and headline
// (and the place asked about, when its article is about the place),
// computing them once.
func (r *Ranker) wordsOf(c *Candidate) []string {
	if c.words == nil {
		text := c.Paragraph.Text + " " + c.Article.Title
		if r.PlaceArticles[c.Article.ID] {
			text += " " + r.Question.Place
		}
		c.words = r.Stems.Words(text)
	}
	return c.words
}

// Mentions reports whether a candidate's passage or headline has a word
// for the Concept (its own, a synonym, a near form), or a name that is a
// spelling of it.
func (r *Ranker) Mentions(c *Candidate, con Concept) bool {
	for _, t := range r.wordsOf(c) {
		if r.match(con, t) > 0 {
			return true
		}
	}
	return con.Skeleton != "" && mentionsName(c.Paragraph, con.Word, con.Skeleton)
}

// match is conceptMatch, remembered for the question: the same words
// recur across a question's candidates.
func (r *Ranker) match(con Concept, tok string) float64 {
	if con.Stems[0] == tok {
		return 1
	}
	key := matchKey{con.Stems[0], tok}
	if m, ok := r.matches[key]; ok {
		return m
	}
	if r.matches == nil {
		r.matches = make(map[matchKey]float64, 1024)
	}
	m := conceptMatch(con, tok)
	r.matches[key] = m
	return m
}

// matchKey is a concept (by its stem, which determines its synonyms) and
// a token.
type matchKey struct{ stem, tok string }

// conceptMatch scores how an analysed token matches a Concept: 1 for the
// same stem; less for a synonym, a longer form ("fight" → "fighter") or a
// misspelling by a letter or two; 0 for no match.
func conceptMatch(c Concept, tok string) float64 {
	const near = 0.7
	st := c.Stems[0]
	switch {
	case tok == st:
		return 1
	case len(st) >= 4 && strings.HasPrefix(tok, st) && len(tok)-len(st) <= 3,
		len(tok) >= 4 && strings.HasPrefix(st, tok) && len(st)-len(tok) <= 3, // "iranian" for "Iran"
		len(st) >= 4 && len(tok)-len(st) >= 4 && strings.HasSuffix(tok, st):  // "quake" in "earthquake"
		return near
	case len(st) >= 9 && abs(len(st)-len(tok)) <= 1 && text.EditDistance(st, tok, 2) <= 2,
		len(st) >= 5 && text.EditDistance(st, tok, 1) <= 1:
		return near
	}
	for _, syn := range c.Stems[1:] {
		if strings.HasPrefix(tok, syn) {
			return near
		}
	}
	return 0
}

// Highlights returns the words of a candidate's text that matched.
func (r *Ranker) Highlights(c *Candidate) []string {
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range strings.FieldsFunc(c.Paragraph.Text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’' && r != ','
	}) {
		w = strings.Trim(w, "-'’,")
		if w == "" {
			continue
		}
		for _, n := range c.Names {
			if strings.EqualFold(strings.Trim(n, ",.;:’'"), w) {
				add(w)
			}
		}
		for _, f := range c.Figures {
			if strings.Contains(f.CountText, w) && strings.ContainsAny(w, "0123456789") {
				add(w)
			}
		}
		if strings.ContainsRune(w, ',') {
			continue
		}
		st := r.Stems.Terms(w)
		if len(st) == 1 {
			for _, con := range r.Concepts {
				if conceptMatch(con, st[0]) > 0 {
					add(w)
				}
			}
		}
	}
	return out
}

// mentionsName reports whether a name the paragraph mentions has a word
// spelt like word in another transliteration: the same skeleton key and a
// close whole-word match, so that "Aleppo" does not find "Libya".
func mentionsName(p corpus.Paragraph, word, key string) bool {
	for _, m := range p.Mentions {
		for _, w := range text.Fields(m.Text + " " + m.Name) {
			if names.Skeleton(w) == key && names.Match(word, w) >= NameThreshold {
				return true
			}
		}
	}
	return false
}

// OwnConcepts counts the question's concepts that a candidate's passage
// itself has, its headline aside.
func (r *Ranker) OwnConcepts(c *Candidate) int {
	words := r.Stems.Words(c.Paragraph.Text)
	n := 0
	for _, con := range r.Concepts {
		if slices.ContainsFunc(words, func(w string) bool { return conceptMatch(con, w) > 0 }) {
			n++
		}
	}
	return n
}

// ShareStems reports whether a and b share a content word.
func (r *Ranker) ShareStems(a, b string) bool {
	bs := map[string]bool{}
	for _, t := range r.Stems.Terms(b) {
		bs[t] = true
	}
	for _, t := range r.Stems.Terms(a) {
		if bs[t] && len(t) > 2 {
			return true
		}
	}
	return false
}

// WithContext decides whether the paragraph before a candidate, prev, is
// shown with it: when the candidate asks for it, or calls the person by a
// definite description ("the former general, X") that prev introduced ("a
// former general in…").
func (r *Ranker) WithContext(c *Candidate, prev string) {
	if refersBack(c.Role) && r.ShareStems(commonWords(c.Role), prev) {
		c.ContextBefore = true
	}
	if c.ContextBefore {
		c.Context = []string{prev}
	}
}
