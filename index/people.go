package index

// The people directory: who the corpus names, merged across spellings,
// and the prefix matching of autocomplete. Pure Go over the analysed
// articles (it will move to corpus/names).

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
)

// matchPeople filters people (already most mentioned first) by prefix:
// those with a spelling that starts a word with the typed letters come
// first, then those matching only by transliteration ("ghia" for "Gaith
// Dalah", "char" for the French "Chara").
func matchPeople(people []corpus.PersonEntry, prefix string, n int) []corpus.PersonEntry {
	pwords := nameWords(prefix)
	if len(pwords) == 0 {
		if n > 0 && n < len(people) {
			return slices.Clone(people[:n])
		}
		return slices.Clone(people)
	}
	var exact, similar []corpus.PersonEntry
	for _, p := range people {
		if n > 0 && len(exact) >= n {
			break
		}
		switch personMatch(p, strings.TrimSpace(prefix), pwords) {
		case matchLetters:
			exact = append(exact, p)
		case matchSound:
			similar = append(similar, p)
		}
	}
	out := append(exact, similar...)
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// How a person matches a typed prefix.
const (
	matchNone = iota
	matchLetters
	matchSound
)

// personMatch reports whether any spelling of p starts a word with the
// typed prefix letter for letter, or by transliteration skeleton, or reads
// as the same name.
func personMatch(p corpus.PersonEntry, prefix string, pwords []string) int {
	spellings := append([]string{p.Name}, p.Spellings...)
	for _, s := range spellings {
		if wordsPrefix(nameWords(s), pwords, strings.HasPrefix) {
			return matchLetters
		}
	}
	for _, s := range spellings {
		if wordsPrefix(nameWords(s), pwords, skeletonPrefix) || (len([]rune(prefix)) >= 4 && corpus.SameName(s, prefix)) {
			return matchSound
		}
	}
	return matchNone
}

// wordsPrefix reports whether pwords match consecutive words of words,
// starting at any word: every typed word but the last must match a whole
// word (by SameName or equal skeletons), the last a word's beginning.
func wordsPrefix(words, pwords []string, prefixOf func(word, typed string) bool) bool {
	for i := 0; i+len(pwords) <= len(words); i++ {
		ok := true
		for j, pw := range pwords {
			w := words[i+j]
			if j == len(pwords)-1 {
				ok = prefixOf(w, pw)
			} else {
				ok = w == pw || corpus.SameName(w, pw) || (corpus.Skeleton(w) != "" && corpus.Skeleton(w) == corpus.Skeleton(pw))
			}
			if !ok {
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// skeletonPrefix matches a typed word part against a word by their
// transliteration skeletons: "ghia" and "Gaith".
func skeletonPrefix(word, typed string) bool {
	ps := corpus.Skeleton(typed)
	if ps == "" {
		return false
	}
	return strings.HasPrefix(corpus.Skeleton(word), ps)
}

// nameWords splits a name into lower-case words, dropping punctuation.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// namesOf are the people and organisations one article names.
type namesOf struct {
	people []corpus.PersonEntry
	orgs   []string
}

// articleOrganisations lists the organisations an analysed article names,
// by resolved name.
func articleOrganisations(a *corpus.Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		for _, mn := range p.Mentions {
			if mn.Kind == corpus.Organisation {
				out = appendDistinct(out, cmp.Or(mn.Name, mn.Text))
			}
		}
	}
	return out
}

// articlePeople counts the person mentions of an analysed article by
// resolved name, with the spellings used.
func articlePeople(a *corpus.Article) []corpus.PersonEntry {
	var out []corpus.PersonEntry
	at := map[string]int{}
	for _, p := range a.Paragraphs {
		for _, mn := range p.Mentions {
			if mn.Kind != corpus.Person {
				continue
			}
			name := strings.TrimSpace(cmp.Or(mn.Name, mn.Text))
			if name == "" {
				continue
			}
			i, ok := at[name]
			if !ok {
				i = len(out)
				at[name] = i
				out = append(out, corpus.PersonEntry{Name: name})
			}
			out[i].Mentions++
			out[i].Spellings = appendDistinct(out[i].Spellings, mn.Text)
		}
	}
	return out
}

// mergePeople aggregates the people of every article, merging names that
// corpus.SameName takes for spellings of one name. The most mentioned
// spelling names the merged person. Comparisons are limited to names that
// share the skeleton of their last word, which keeps the merge near linear.
func mergePeople(perArticle map[string][]corpus.PersonEntry) []corpus.PersonEntry {
	byName := map[string]*corpus.PersonEntry{}
	for _, ps := range perArticle {
		for _, p := range ps {
			q := byName[p.Name]
			if q == nil {
				q = &corpus.PersonEntry{Name: p.Name}
				byName[p.Name] = q
			}
			q.Mentions += p.Mentions
			q.Spellings = appendDistinct(q.Spellings, p.Spellings...)
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	// Most mentioned first, so that it becomes the canonical name.
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(byName[b].Mentions, byName[a].Mentions), cmp.Compare(a, b))
	})
	blocks := map[string][]*corpus.PersonEntry{}
	var out []*corpus.PersonEntry
	for _, n := range names {
		p := byName[n]
		key := lastSkeleton(n)
		merged := false
		for _, q := range blocks[key] {
			if corpus.SameName(q.Name, p.Name) {
				q.Mentions += p.Mentions
				q.Spellings = appendDistinct(q.Spellings, p.Name)
				q.Spellings = appendDistinct(q.Spellings, p.Spellings...)
				merged = true
				break
			}
		}
		if !merged {
			blocks[key] = append(blocks[key], p)
			out = append(out, p)
		}
	}
	res := make([]corpus.PersonEntry, 0, len(out))
	for _, p := range out {
		p.Spellings = slices.DeleteFunc(p.Spellings, func(s string) bool { return s == p.Name })
		slices.Sort(p.Spellings)
		if len(p.Spellings) == 0 {
			p.Spellings = nil
		}
		res = append(res, *p)
	}
	slices.SortStableFunc(res, func(a, b corpus.PersonEntry) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name))
	})
	return res
}

// lastSkeleton is the skeleton of the last word of name that has one.
func lastSkeleton(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	for i := len(words) - 1; i >= 0; i-- {
		if s := corpus.Skeleton(words[i]); s != "" {
			return s
		}
	}
	return ""
}
