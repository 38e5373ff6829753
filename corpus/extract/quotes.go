package extract

import (
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Quotes: the quoted passages of a paragraph and who speaks them.

// findQuotes finds the quoted passages of a paragraph and their speakers:
// the speaker whose cue is nearest after the closing quote in its
// sentence, else before the opening quote in its sentence, else the only
// speaker of the paragraph; a paragraph that opens with a quote and names
// no speaker continues the previous paragraph's quote.
func findQuotes(txt string, toks []text.Token, hits []speakerHit, ctx *attributionContext) []corpus.Quote {
	var out []corpus.Quote
	// The hits of each sentence, in order: a quote looks only at its own
	// sentence's.
	bySentence := map[int][]int{}
	for h, hit := range hits {
		s := toks[hit.pos].Sentence
		bySentence[s] = append(bySentence[s], h)
	}
	oneSpeaker := len(distinctSpeakers(hits)) == 1
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.IsWord() || !(t.Rune == '“' || t.Rune == '"' && opensQuote(txt, t.Start)) {
			continue
		}
		closer := '”'
		if t.Rune == '"' {
			closer = '"'
		}
		j := i + 1
		for j < len(toks) && (toks[j].IsWord() || toks[j].Rune != closer) {
			j++
		}
		if j >= len(toks) {
			break
		}
		inner := strings.TrimSpace(txt[t.PossEnd:toks[j].Start])
		i0 := i
		i = j
		if !realQuote(toks[i0+1 : j]) {
			continue
		}
		inner = strings.TrimRight(inner, ",;: ")
		q := corpus.Quote{Text: inner}
		best := -1
		for _, h := range bySentence[toks[j].Sentence] {
			if hits[h].pos > j {
				best = h
				break
			}
		}
		if best < 0 {
			for _, h := range bySentence[toks[i0].Sentence] {
				if hits[h].pos < i0 {
					best = h
				}
			}
		}
		switch {
		case best >= 0:
			q.Speaker = hits[best].speaker
		case oneSpeaker:
			q.Speaker = hits[0].speaker
		case i0 == 0 && len(hits) == 0:
			q.Speaker = ctx.prevQuote
		}
		out = append(out, q)
	}
	return out
}

// opensQuote reports whether a straight quote at byte i opens a quotation.
func opensQuote(txt string, i int) bool {
	return i == 0 || strings.ContainsRune(" \n\t(—–", rune(txt[i-1]))
}

// realQuote tells speech from scare quotes and quoted names: at least
// three words, not all capitalised.
func realQuote(toks []text.Token) bool {
	words, lower := 0, 0
	for i := range toks {
		if toks[i].IsWord() {
			words++
			if toks[i].Lowercase && !orgConnectors[toks[i].Lower] && !nameConnectors[toks[i].Lower] {
				lower++
			}
		}
	}
	return words >= 3 && lower*3 >= words
}
