package rank

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// UnknownName returns a name the question asks about that the corpus never
// mentions in any spelling, or "" when every name it asks about is known.
// The names are the question's subject (who, said), the place of a figure
// question, and the words it writes with a capital away from its start. A
// name is unknown when one of its words (three letters or more, not a
// title, particle or question word) is in no paragraph, headline or outlet
// name: not as written,
// not a letter or two away, not by transliteration skeleton (for a place
// asked about, one of two letters only beside another word of its name),
// and no organisation's initials. Such a question is about something else
// than the corpus, and the answer is that it has nothing on it.
func (r *Ranker) UnknownName(df TermStats) string {
	place := ""
	if r.Question.Intent == corpus.IntentFigure && r.Question.Place != "" {
		place = text.AsTyped(r.Question.Text, r.Question.Place)
	}
	for _, name := range r.askedNames() {
		words := text.Fields(name)
		known := make([]bool, len(words))
		for i, w := range words {
			known[i] = r.knownWord(df, w)
		}
		for i, w := range words {
			// A person's short name keeps its spellings ("Umar" for Omar,
			// "mr"); a place's two-letter skeleton alone is too common
			// ("utiel" is "tl", as Dallah and Italy are).
			short := name != place && hasNameSkeleton(df, w)
			if known[i] || short || nearOfKnown(df, r.Stems, words, known, i) || shortSkeletonOfKnown(df, words, known, i) {
				continue
			}
			return name
		}
	}
	return ""
}

// NeverSaid returns, for a count or figure question, a word of what it
// asks the count of that no paragraph has in any form — as written, a
// letter away, by skeleton or by a synonym — when every such word is one:
// "earthquake" in "the death toll from the earthquake in Kassala" when the
// corpus has cholera there, "escaped" in "how many patients escaped in
// Kassala". What the count is of is never said, so no passage's figure
// is the one asked for. The words weighed are a figure question's topic,
// or a count's words but the counted noun, the place and the source,
// which news writes in other words ("cops" for police). "" when the
// corpus has one of them. The Ranker's Concepts must be the question's
// words.
func (r *Ranker) NeverSaid() string {
	asked := r.countedAbout()
	if len(asked) == 0 {
		return ""
	}
	for _, w := range asked {
		i := slices.IndexFunc(r.Concepts, func(c Concept) bool { return c.Word == w })
		if i < 0 {
			return "" // not looked up: nothing is known of it
		}
		c := r.Concepts[i]
		if c.Docs > 0 || c.Fuzzy || c.Skeleton != "" || slices.Contains(c.InText, true) || r.Capitalised(w) {
			return ""
		}
	}
	return asked[0]
}

// countedAbout returns the words of what a count or figure question asks
// the count of (see NeverSaid), none for another question.
func (r *Ranker) countedAbout() []string {
	q := r.Question
	switch {
	case q.Intent == corpus.IntentFigure:
		return q.Topic
	case !q.Count:
		return nil
	}
	slots := text.Fields(strings.ToLower(q.Counted + " " + q.Place + " " + q.Source))
	return slices.DeleteFunc(slices.Clone(q.Terms), func(w string) bool { return slices.Contains(slots, w) })
}

// nearOfKnown reports whether words[i], not in the corpus, is one letter
// from a word that is, in a name of several words whose others the corpus
// has: "george kurz" for George Kurtz. Alone, a short word a letter from
// another ("Musk", "must") is most often another word.
func nearOfKnown(df TermStats, stems Stemmer, words []string, known []bool, i int) bool {
	others := 0
	for j, k := range known {
		if j != i && k && len([]rune(words[j])) >= 3 {
			others++
		}
	}
	st := stems.Terms(words[i])
	return others > 0 && len(st) == 1 && df.NearCount(st[0]) > 0
}

// shortSkeletonOfKnown reports whether words[i], not in the corpus, has
// a skeleton of two letters or fewer that some name of the corpus has, in
// a name of several words another of which the corpus has in some
// spelling: "ghiyat dala" for Gaith Dalah. Alone, so short a skeleton is
// too common to tell a name ("utiel" is "tl", as Dallah and Italy are).
func shortSkeletonOfKnown(df TermStats, words []string, known []bool, i int) bool {
	if !hasNameSkeleton(df, words[i]) {
		return false
	}
	for j, k := range known {
		if j != i && len([]rune(words[j])) >= 3 && (k || hasNameSkeleton(df, words[j])) {
			return true
		}
	}
	return false
}

// hasNameSkeleton reports whether some name of the corpus has w's skeleton.
func hasNameSkeleton(df TermStats, w string) bool {
	key := names.Skeleton(w)
	if key == "" {
		return false
	}
	_, n := df.NameCount(key)
	return n > 0
}

// askedNames lists the names the question asks about, as written.
func (r *Ranker) askedNames() []string {
	q := r.Question
	var out []string
	switch q.Intent {
	case corpus.IntentWho, corpus.IntentSaid:
		// "the telecom company" describes a speaker, it names none; a
		// name typed in lower case ("ahmed al-mosmari") is still one.
		if subject := text.AsTyped(q.Text, q.Subject); !describesBody(subject) {
			out = append(out, subject)
		}
	case corpus.IntentFigure:
		if q.Place != "" {
			out = append(out, text.AsTyped(q.Text, q.Place))
		}
	}
	fields := strings.Fields(q.Text)
	for i, f := range fields {
		w := strings.Trim(f, `?!.,;:"'()“”‘’`)
		if i == 0 || w == "" || !unicode.IsUpper([]rune(w)[0]) || slices.ContainsFunc(out, func(name string) bool { return text.HasWord(name, w) }) {
			continue // checked with the rest of its name
		}
		out = append(out, w)
	}
	return out
}

// knownWord reports whether the corpus has w in some spelling, or w is a
// word that never needs to be found (short, a title, a particle).
func (r *Ranker) knownWord(df TermStats, w string) bool {
	low := strings.ToLower(w)
	if len([]rune(low)) < 3 || text.Particle(low) || text.Titles[low] || questionArticles[low] || queryFiller[low] {
		return true
	}
	stems := r.Stems.Terms(w)
	if len(stems) == 0 {
		return true // a stop word to the analyser
	}
	if _, n := df.Count(stems[0]); n > 0 || df.TitleCount(stems[0]) > 0 {
		return true
	}
	if slices.ContainsFunc(r.Outlets, func(o string) bool { return text.HasWord(o, low) }) {
		return true // "what did the Valley Courier report"
	}
	if df.FuzzyCount(stems[0]) > 0 || anyOf(df, r.Synonyms.Of(stems[0])) {
		return true
	}
	if key := names.Skeleton(w); len(key) > 2 {
		if _, n := df.NameCount(key); n > 0 {
			return true // a shorter one counts only beside a known word (shortSkeletonOfKnown)
		}
	}
	return len(r.ExpandAcronym(w)) > 0 || names.KnownAcronym(w) != nil
}

// UnknownDescription reports whether a description names its position
// with a word the corpus has in no spelling ("apple" in "the apple ceo"):
// whoever it describes, the corpus does not mention them.
func (r *Ranker) UnknownDescription(df TermStats, subject string) bool {
	return slices.ContainsFunc(RoleWords(subject), func(w string) bool { return !r.knownWord(df, w) })
}

// describesBody reports whether a subject as typed is a description, not
// a name: it starts with an article and has no capital ("the telecom
// company", "a resident").
func describesBody(subject string) bool {
	low := strings.ToLower(subject)
	return !strings.ContainsFunc(subject, unicode.IsUpper) &&
		(strings.HasPrefix(low, "the ") || strings.HasPrefix(low, "a ") || strings.HasPrefix(low, "an "))
}
