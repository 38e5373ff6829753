package extract

import (
	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Frames of casualty reporting beyond "N people were killed": a verb or
// noun frame around the count decides its kind.
//
//   - lives: "cost 1,426 lives", "claimed 4,000 lives", "took 300 civilian
//     lives", "200 lives were lost" are deaths; lives saved are not;
//   - a casualty noun after modifiers: "15 more bodies", "dozens of
//     charred bodies", "27 new deaths";
//   - "to death": "put 40 men to death", "were put to death" are
//     executions; any other verb ("beaten", "burned", "stabbed") kills; a
//     sentence to death is no death;
//   - displacement: a displacing verb with the group and where from:
//     "driving 150,000 civilians from their homes", "drove 20,000 people
//     out of their villages", "pushed 3,000 residents to flee", "have been
//     driven from their homes";
//   - found dead: "found 11 people dead" (and "were found dead", read by
//     the predicate).

// frameKind reads the frame around a count whose qualifier starts at
// token qs, whose number ends at cend and whose counted group ends at
// after. decided is true when a frame matched: kind is then the figure's
// kind, or "" when the frame says the count is no casualty ("saved 2,000
// lives", "sentenced 12 men to death"); who, when not "", replaces the
// counted group ("300 civilian lives" counts civilians).
func frameKind(toks []text.Token, qs, cend, after int) (kind, who string, decided bool) {
	verb := ""
	if qs > 0 && toks[qs-1].Kind == text.Word {
		verb = toks[qs-1].Lower
	}
	if k, mod, ok := nounAfterModifiers(toks, cend); ok {
		if toks[k].Lower == "lives" {
			if saveVerbs[verb] || k+1 < len(toks) && saveVerbs[toks[k+1].Lower] ||
				k+2 < len(toks) && beForms[toks[k+1].Lower] && saveVerbs[toks[k+2].Lower] {
				return "", "", true
			}
			if mod >= 0 && peopleNouns[toks[mod].Lower+"s"] {
				who = toks[mod].Lower + "s" // "300 civilian lives"
			}
			return corpus.KindKilled, who, true
		}
		if mod >= 0 {
			return text.CasualtyKinds[toks[k].Lower], "", true // "15 more bodies"
		}
	}
	if verb == "" || after >= len(toks) {
		return "", "", false
	}
	switch {
	case toDeath(toks, after):
		return deathKind(verb), "", true
	case displaceVerbs[verb] && displacedFrom(toks, after):
		return corpus.KindDisplaced, "", true
	case (verb == "found" || verb == "discovered") && text.CasualtyKinds[toks[after].Lower] == corpus.KindKilled:
		return corpus.KindKilled, "", true // "found 11 people dead"
	}
	return "", "", false
}

// nounAfterModifiers finds "lives" or a casualty noun right after the
// number at token j, or after up to two modifiers ("more", "charred",
// "civilian"): the noun's token, the first modifier's token (-1 for none)
// and whether there is one.
func nounAfterModifiers(toks []text.Token, j int) (noun, mod int, ok bool) {
	mod = -1
	for k := j; k < len(toks) && k < j+3; k++ {
		t := &toks[k]
		if t.Kind != text.Word {
			return 0, 0, false
		}
		if t.Lower == "lives" || k > j && nounKinds[t.Lower] {
			return k, mod, true
		}
		if t.Upper || thingNouns[t.Lower] || text.CasualtyKinds[t.Lower] != "" ||
			phraseStops[t.Lower] && !quantMods[t.Lower] || peopleNouns[t.Lower] && t.Lower != "civilian" {
			return 0, 0, false
		}
		if mod < 0 {
			mod = k
		}
	}
	return 0, 0, false
}

// toDeath reports "to death" at token k.
func toDeath(toks []text.Token, k int) bool {
	return k+1 < len(toks) && toks[k].Lower == "to" && toks[k+1].Lower == "death"
}

// deathKind is the kind of "<verb> … to death": executed for "put", none
// for a sentence, killed for any other verb.
func deathKind(verb string) string {
	switch {
	case verb == "put" || verb == "putting" || verb == "puts":
		return corpus.KindExecuted
	case sentenceVerbs[verb]:
		return ""
	}
	return corpus.KindKilled
}

// deathPredicate reads a passive "to death" predicate at token k: "were
// put to death", "was beaten to death"; ok is false when there is none.
func deathPredicate(toks []text.Token, k int) (string, bool) {
	if toks[k].Kind != text.Word || !toDeath(toks, k+1) {
		return "", false
	}
	return deathKind(toks[k].Lower), true
}

// displacedFrom reports the end of a displacement frame at token k: "from
// their homes", "out of their villages", "to flee", "to leave".
func displacedFrom(toks []text.Token, k int) bool {
	if k+1 < len(toks) && toks[k].Lower == "to" && (toks[k+1].Lower == "flee" || toks[k+1].Lower == "leave") {
		return true
	}
	switch {
	case k < len(toks) && toks[k].Lower == "from":
		k++
	case k+1 < len(toks) && toks[k].Lower == "out" && toks[k+1].Lower == "of":
		k += 2
	case k < len(toks) && toks[k].Lower == "out":
		return true // "forced more than 130 refugees out"
	default:
		return false
	}
	if k < len(toks) && homeDeterminers[toks[k].Lower] {
		k++
	}
	return k < len(toks) && homeNouns[toks[k].Lower]
}

// displacePredicate reads a passive displacement at token k: "have been
// driven from their homes", "were forced out of their villages".
func displacePredicate(toks []text.Token, k int) bool {
	return displaceVerbs[toks[k].Lower] && displacedFrom(toks, k+1)
}

var (
	// saveVerbs save lives rather than take them.
	saveVerbs = text.NewSet("save saves saved saving spare spares spared sparing protect protected")
	// sentenceVerbs condemn to death without a death: "sentenced 12 men
	// to death".
	sentenceVerbs = text.NewSet("sentenced sentence sentences sentencing condemned condemn condemns condemning")
	// displaceVerbs drive people from where they live.
	displaceVerbs = text.NewSet("drove drive drives driving driven forced force forces forcing pushed push pushes pushing " +
		"chased chasing expelled expel expelling evicted evicting uprooted uprooting ousted")
	// homeDeterminers may stand before the place people are driven from.
	homeDeterminers = text.NewSet("their his her the its")
	// homeNouns are where people are driven from.
	homeNouns = text.NewSet("home homes house houses village villages town towns city cities neighbourhood neighbourhoods " +
		"neighborhood neighborhoods land lands area areas region district districts camp camps country")
)

// takesLives reports a verb at token k whose object is a count of lives,
// so that it reports no speech: "the floods have claimed more than 4,000
// lives".
func takesLives(toks []text.Token, k int) bool {
	for m := k + 1; m < len(toks) && m <= k+6; m++ {
		switch {
		case toks[m].Lower == "lives":
			return true
		case toks[m].Kind == text.Punct && toks[m].Text != ",", toks[m].Lower == "that":
			return false
		}
	}
	return false
}
