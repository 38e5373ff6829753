package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markSentences numbers the sentences of toks and marks the first word
// of each.
func markSentences(text string, toks []Token) {
	sent := 0
	first := true
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		t.Sentence = sent
		if t.IsWord() && first {
			t.First = true
			first = false
		}
		if k+1 < len(toks) && strings.ContainsAny(text[t.PossEnd:toks[k+1].Start], "\n\r") {
			sent++
			first = true
			continue
		}
		if sentenceEnd(text, toks, k) {
			// Closing quotes and brackets right after the stop belong to
			// this sentence.
			for k+1 < len(toks) && !toks[k+1].IsWord() && toks[k+1].Start == toks[k].PossEnd && Closer(toks[k+1].Rune, text, toks[k+1].Start) {
				k++
				toks[k].Sentence = sent
			}
			sent++
			first = true
		}
	}
}

// Closer reports whether r at byte offset i of text closes a quote or
// bracket.
func Closer(r rune, text string, i int) bool {
	switch r {
	case '”', '’', ')', ']', '»':
		return true
	case '"', '\'':
		return i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n'
	}
	return false
}

// sentenceEnd reports whether token k ends a sentence.
func sentenceEnd(text string, toks []Token, k int) bool {
	t := &toks[k]
	var dotted bool
	switch {
	case !t.IsWord() && (t.Rune == '!' || t.Rune == '?' || t.Rune == '…' || t.Rune == '.'):
	case t.IsWord() && strings.HasSuffix(text[t.Start:t.PossEnd], "."):
		dotted = true // "U.S." at the end of a sentence
	default:
		return false
	}
	// The next word (past closing quotes) must start a sentence.
	n := k + 1
	for n < len(toks) && !toks[n].IsWord() && Closer(toks[n].Rune, text, toks[n].Start) && toks[n].Start == toks[n-1].PossEnd {
		n++
	}
	if n >= len(toks) {
		return true
	}
	if toks[n].Start == toks[n-1].PossEnd {
		return false // no space: "3.5", "e.g.x"
	}
	nt := &toks[n]
	if !nt.IsWord() {
		switch nt.Rune {
		case '“', '"', '‘', '(', '[', '—', '–', '-', '•':
		default:
			return false
		}
	} else {
		r, _ := utf8.DecodeRuneInString(text[nt.Start:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	if dotted {
		return nt.IsWord() && SentenceOpeners[nt.Lower]
	}
	if t.Rune == '.' && k > 0 && toks[k-1].IsWord() && toks[k-1].PossEnd == t.Start {
		if Abbreviated(toks[k-1]) {
			return false
		}
	}
	return true
}

// Sentences splits text into sentences, trimmed. It knows abbreviations
// (Mr., Dr., Gen., Inc., U.S., initials such as "Charles R. Lister"),
// keeps closing quotes with the sentence they end ("… plots,” Mr.
// al-Shara said."), and needs the next sentence to start with a capital,
// a digit or an opening quote, so that "3.5" or "e.g. the" do not split.
// A line break always ends a sentence. After a dotted abbreviation
// ("U.S.") a sentence ends only when a word that usually opens one
// follows ("He flew to the U.S. The next day…").
func Sentences(text string) []string {
	toks := Tokenize(text)
	var out []string
	for a := 0; a < len(toks); {
		b := a
		for b < len(toks) && toks[b].Sentence == toks[a].Sentence {
			b++
		}
		if s := strings.TrimSpace(text[toks[a].Start:toks[b-1].PossEnd]); s != "" {
			out = append(out, s)
		}
		a = b
	}
	return out
}

// SentenceStarts returns the byte offset at which each sentence of text
// starts, as Sentences splits it.
func SentenceStarts(text string) []int {
	toks := Tokenize(text)
	var out []int
	for k := range toks {
		if k == 0 || toks[k].Sentence != toks[k-1].Sentence {
			out = append(out, toks[k].Start)
		}
	}
	return out
}

// Abbreviated reports whether a dot right after word t is an
// abbreviation's rather than the end of a sentence: t is one of
// Abbreviations ("Gen", "Inc"), a dotted abbreviation ("U.S", "a.m") or a
// capital initial ("R" of "Charles R. Lister"). The sentence splitter and
// every reader of phrases that stop at a sentence's dot use it.
func Abbreviated(t Token) bool {
	low := strings.TrimSuffix(t.Lower, ".")
	return Abbreviations[low] || strings.Contains(low, ".") || utf8.RuneCountInString(low) == 1 && t.Capital
}

// LastSentenceEnd returns the byte offset just past the last sentence of s
// that another sentence follows — where a text cut short at the end of s
// can be trimmed to whole sentences — or 0 when s holds one sentence.
func LastSentenceEnd(s string) int {
	toks := Tokenize(s)
	for k := len(toks) - 1; k > 0; k-- {
		if toks[k].Sentence != toks[k-1].Sentence {
			return toks[k-1].PossEnd
		}
	}
	return 0
}
