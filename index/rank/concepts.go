package rank

import (
	"math"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// ConceptsOf analyses the question's words into weighted concepts: rare
// words weigh more (inverse document frequency), synonyms count as the
// word. Only the first MaxConcepts words are looked up in df.
func (r *Ranker) ConceptsOf(words []string, df TermStats) []Concept {
	var out []Concept
	seen := map[string]bool{}
	fuzzyLookups := 0
	phrases := r.phraseSynonyms()
	// A question's first words are enough: a pasted paragraph must not
	// turn into dozens of term and fuzzy lookups.
	for _, w := range words[:min(len(words), MaxConcepts)] {
		stems := r.Stems.Terms(w)
		if len(stems) == 0 || seen[stems[0]] {
			continue
		}
		seen[stems[0]] = true
		c := Concept{Word: w, Stems: []string{stems[0]}}
		c.Stems = append(c.Stems, r.Synonyms.Of(stems[0])...)
		c.Stems = text.AppendDistinct(c.Stems, phrases[stems[0]]...)
		n, count := df.Count(stems[0])
		if count == 0 && fuzzyLookups < maxFuzzy {
			fuzzyLookups++
			count = df.FuzzyCount(stems[0])
			c.Fuzzy = count > 0
		}
		c.Weight = math.Log(1 + float64(n+1)/float64(count+1))
		c.Docs = int(count)
		if count == 0 {
			// An acronym of an organisation the corpus names: "HTS" for
			// Hayat Tahrir al-Sham. Its name's words count as the word.
			for _, org := range r.ExpandAcronym(w) {
				for _, word := range text.Fields(org) {
					if st := r.Stems.Terms(word); len(word) >= 4 && len(st) == 1 && unicode.IsUpper([]rune(word)[0]) {
						c.Stems = append(c.Stems, st[0])
						count = max(count, 1)
					}
				}
			}
		}
		if key := names.Skeleton(w); count == 0 && len(key) >= 3 {
			// A name spelt otherwise than the corpus spells it: "Tartous",
			// "ghiath" match by transliteration skeleton.
			if _, k := df.NameCount(key); k > 0 {
				c.Skeleton = key
			}
		}
		absent := count == 0 && !c.Fuzzy && c.Skeleton == "" && !anyOf(df, c.Stems[1:])
		switch {
		case absent && r.Question.Count && !r.Capitalised(w):
			// "How many prisoners escaped": what a count counts is the
			// question; a corpus that never says it cannot answer.
			c.Weight *= 2
		case absent && r.Capitalised(w):
			// A name the corpus never uses, in any spelling: what it names
			// is most likely not in the corpus ("death toll in Sudan" when
			// no article mentions Sudan).
			c.Weight *= 2
		case absent:
			// An ordinary word no passage uses is most often a paraphrase
			// ("stopped" for "subsided"): it cannot tell passages apart, so
			// it weighs little, set below once the known words are weighed.
			c.Absent = true
		}
		c.InText = make([]bool, len(c.Stems))
		for i, st := range c.Stems {
			c.InText[i] = !df.Lacks(st)
		}
		out = append(out, c)
	}
	weighAbsent(out)
	return out
}

// phraseSynonyms returns, for each word of a phrase of the question that
// has synonyms ("step down": resign, quit; "put to death": execute), the
// phrase's synonyms: a passage with one of them has each of its words.
// Phrases of three words are looked up before those of two.
func (r *Ranker) phraseSynonyms() map[string][]string {
	if r.Synonyms == nil || r.Question.Text == "" {
		return nil
	}
	words := r.Stems.Words(r.Question.Text)
	var out map[string][]string
	for i := 0; i < len(words)-1; i++ {
		for n := min(3, len(words)-i); n >= 2; n-- {
			syn := r.Synonyms.Of(strings.Join(words[i:i+n], "_"))
			if len(syn) == 0 {
				continue
			}
			if out == nil {
				out = map[string][]string{}
			}
			for _, w := range words[i : i+n] {
				out[w] = text.AppendDistinct(out[w], syn...)
			}
			i += n - 1
			break
		}
	}
	return out
}

// absentWeight is the weight of a word no passage uses, as a share of the
// mean weight of the question's other words.
const absentWeight = 0.75

// weighAbsent gives the concepts no passage uses a small weight: a share
// of the mean weight of the others, so a paraphrased word lowers every
// passage's coverage a little instead of refusing them all.
func weighAbsent(concepts []Concept) {
	var sum float64
	n := 0
	for _, c := range concepts {
		if !c.Absent {
			sum += c.Weight
			n++
		}
	}
	for i := range concepts {
		if concepts[i].Absent {
			if n == 0 {
				concepts[i].Weight = absentWeight
			} else {
				concepts[i].Weight = absentWeight * sum / float64(n)
			}
		}
	}
}

// anyOf reports whether some document holds one of terms in its text.
func anyOf(df TermStats, terms []string) bool {
	for _, term := range terms {
		if _, n := df.Count(term); n > 0 {
			return true
		}
	}
	return false
}
