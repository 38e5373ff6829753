package rank

import (
	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// personalPronouns stand for a person or a group named before them.
var personalPronouns = text.NewSet("he she they his her their")

// Continues reports whether next, the paragraph after p, carries on what p
// says, so that it belongs with p as context: it opens on a pronoun that
// stands for p's speaker or subject ("He added…", "She said the…",
// "Their convoy…"), or it quotes or cites one of p's speakers again.
func Continues(p, next corpus.Paragraph) bool {
	toks := text.Tokenize(next.Text)
	for _, t := range toks {
		if t.Kind != text.Word {
			continue // an opening quote or dash
		}
		if personalPronouns[t.Lower] {
			return true
		}
		break
	}
	if pronounSpeaks(toks) {
		return true // "“We will rebuild,” she added."
	}
	speakers := speakersOf(p)
	for _, s := range speakersOf(next) {
		for _, own := range speakers {
			if s == own {
				return true
			}
		}
	}
	return false
}

// pronounSpeaks reports whether the first sentence of toks attributes
// speech to a pronoun: "he said", "she added", "said he".
func pronounSpeaks(toks []text.Token) bool {
	for k := 1; k < len(toks) && toks[k].Sentence == toks[0].Sentence; k++ {
		a, b := toks[k-1].Lower, toks[k].Lower
		if personalPronouns[a] && text.SpeechVerbs[b] || text.SpeechVerbs[a] && personalPronouns[b] {
			return true
		}
	}
	return false
}

// speakersOf lists who a paragraph quotes or cites.
func speakersOf(p corpus.Paragraph) []string {
	out := text.AppendDistinct(nil, p.Attribution...)
	for _, q := range p.Quotes {
		out = text.AppendDistinct(out, q.Speaker)
	}
	return out
}
