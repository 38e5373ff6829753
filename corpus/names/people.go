package names

// The people directory: who the corpus names, merged across spellings,
// and the prefix matching of autocomplete. Pure Go over the analysed
// articles.

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Suggest filters people (already most mentioned first) by prefix:
// those with a spelling that starts a word with the typed letters come
// first, then those matching only by transliteration ("ghia" for "Gaith
// Dalah", "char" for the French "Chara").
func Suggest(people []corpus.Person, prefix string, n int) []corpus.Person {
	pwords := nameWords(prefix)
	if len(pwords) == 0 {
		if n > 0 && n < len(people) {
			return slices.Clone(people[:n])
		}
		return slices.Clone(people)
	}
	var exact, similar []corpus.Person
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
func personMatch(p corpus.Person, prefix string, pwords []string) int {
	spellings := append([]string{p.Name}, p.Spellings...)
	for _, s := range spellings {
		if wordsPrefix(nameWords(s), pwords, strings.HasPrefix) {
			return matchLetters
		}
	}
	for _, s := range spellings {
		if wordsPrefix(nameWords(s), pwords, skeletonPrefix) || (len([]rune(prefix)) >= 4 && Same(s, prefix)) {
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
				ok = w == pw || Same(w, pw) || (Skeleton(w) != "" && Skeleton(w) == Skeleton(pw))
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
	ps := Skeleton(typed)
	if ps == "" {
		return false
	}
	return strings.HasPrefix(Skeleton(word), ps)
}

// nameWords splits a name into lower-case words, dropping punctuation.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// ArticleOrganisations lists the organisations an analysed article names,
// by resolved name.
func ArticleOrganisations(a *corpus.Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		for _, mn := range p.Mentions {
			if mn.Kind == corpus.MentionOrganisation {
				out = text.AppendDistinct(out, cmp.Or(mn.Name, mn.Text))
			}
		}
	}
	return out
}

// ArticlePeople counts the person mentions of an analysed article by
// resolved name, with the spellings used.
func ArticlePeople(a *corpus.Article) []corpus.Person {
	var out []corpus.Person
	at := map[string]int{}
	for _, p := range a.Paragraphs {
		for _, mn := range p.Mentions {
			if mn.Kind != corpus.MentionPerson {
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
				out = append(out, corpus.Person{Name: name})
			}
			out[i].Mentions++
			out[i].Spellings = text.AppendDistinct(out[i].Spellings, mn.Text)
		}
	}
	return out
}

// MergePeople aggregates the people of every article, merging names that
// names.Same takes for spellings of one name. The most mentioned
// spelling names the merged person. Comparisons are limited to names that
// share the skeleton of their last word, which keeps the merge near linear.
func MergePeople(perArticle map[string][]corpus.Person) []corpus.Person {
	byName := map[string]*corpus.Person{}
	for _, ps := range perArticle {
		for _, p := range ps {
			q := byName[p.Name]
			if q == nil {
				q = &corpus.Person{Name: p.Name}
				byName[p.Name] = q
			}
			q.Mentions += p.Mentions
			q.Spellings = text.AppendDistinct(q.Spellings, p.Spellings...)
		}
	}
	order := make([]string, 0, len(byName))
	for n := range byName {
		order = append(order, n)
	}
	// Most mentioned first, so that it becomes the canonical name.
	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(byName[b].Mentions, byName[a].Mentions), cmp.Compare(a, b))
	})
	blocks := map[string][]*corpus.Person{}
	var out []*corpus.Person
	for _, n := range order {
		p := byName[n]
		key := lastSkeleton(n)
		merged := false
		for _, q := range blocks[key] {
			if Same(q.Name, p.Name) {
				q.Mentions += p.Mentions
				q.Spellings = text.AppendDistinct(q.Spellings, p.Name)
				q.Spellings = text.AppendDistinct(q.Spellings, p.Spellings...)
				merged = true
				break
			}
		}
		if !merged {
			blocks[key] = append(blocks[key], p)
			out = append(out, p)
		}
	}
	res := make([]corpus.Person, 0, len(out))
	for _, p := range out {
		p.Spellings = slices.DeleteFunc(p.Spellings, func(s string) bool { return s == p.Name })
		slices.Sort(p.Spellings)
		if len(p.Spellings) == 0 {
			p.Spellings = nil
		}
		res = append(res, *p)
	}
	slices.SortStableFunc(res, func(a, b corpus.Person) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name))
	})
	return res
}

// lastSkeleton is the skeleton of the last word of name that has one.
func lastSkeleton(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	for i := len(words) - 1; i >= 0; i-- {
		if s := Skeleton(words[i]); s != "" {
			return s
		}
	}
	return ""
}
