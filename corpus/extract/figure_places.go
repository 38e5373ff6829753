package extract

import (
	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// Places: where the people a figure counts were, read around its number.

// placeOf finds the place a figure's sentence names nearest its number:
// "in Latakia", "in Tartus Province", "across the coastal region".
func placeOf(txt string, toks []text.Token, num int, mentions []corpus.Mention) string {
	best, bestDist := "", 1<<30
	for k := 0; k+1 < len(toks); k++ {
		if !placeIntroducers[toks[k].Lower] || toks[k+1].Kind == text.Number {
			continue
		}
		place, ok := placeAt(txt, toks, k+1, mentions)
		if !ok {
			continue
		}
		d := 2 * (k - num)
		if d < 0 {
			d = -d + 1 // a place after the number wins a tie
		}
		if d < bestDist {
			best, bestDist = place, d
		}
	}
	return best
}

// placeAt reads a place starting at token k: a capitalised name that is
// no organisation, person or date ("Latakia", "Tartus Province",
// "Latakia and Tartus Provinces", "Syria's coastal region"), or "the" and
// a common noun of places ("the coastal region"; "the city of Homs" →
// "Homs").
func placeAt(txt string, toks []text.Token, k int, mentions []corpus.Mention) (string, bool) {
	j := k
	if j < len(toks) && toks[j].Lower == "the" {
		j++
	}
	if j >= len(toks) || toks[j].Kind != text.Word {
		return "", false
	}
	if toks[j].Upper {
		e := j
		for e < len(toks) {
			w := &toks[e]
			if w.Kind == text.Word && w.Upper {
				e++
				if sPossessive(*w) {
					break
				}
				continue
			}
			if (w.Lower == "and" || w.Lower == "of") && e+1 < len(toks) && toks[e+1].Upper && e > j {
				e++
				continue
			}
			break
		}
		for m := j; m < e; m++ {
			w := toks[m].Lower
			if orgWord(w) || text.Weekdays[w] || text.Months[w] || titleWord(w) {
				return "", false
			}
		}
		name := txt[toks[j].Start:toks[e-1].PossEnd]
		if e < len(toks) && toks[e].Kind == text.Word && geoNouns[toks[e].Lower] && !sPossessive(toks[e-1]) {
			return name, true // "the Al Haouz region": whatever else the name could be
		}
		for _, m := range mentions {
			if m.Kind != corpus.MentionPlace && (m.Text == name || m.Name == name) {
				return "", false
			}
		}
		if sPossessive(toks[e-1]) {
			// "Syria's coastal region"; "in Syria's worst unrest" is no place.
			m := e
			for m < len(toks) && m < e+3 && toks[m].Kind == text.Word && !toks[m].Upper && !geoNouns[toks[m].Lower] && !phraseStops[toks[m].Lower] {
				m++
			}
			if m < len(toks) && geoNouns[toks[m].Lower] {
				return txt[toks[j].Start:toks[m].PossEnd], true
			}
			return "", false
		}
		return name, true
	}
	if j == k {
		return "", false // a common noun needs "the": "in days of clashes" is no place
	}
	m := j
	// "the small Alawite village of Al-Mukhtariyya": adjectives, a
	// capitalised demonym among them, before the noun of places.
	for m < len(toks) && m < j+3 && toks[m].Kind == text.Word && (!toks[m].Upper || demonym(toks[m].Lower)) &&
		!geoNouns[toks[m].Lower] && !phraseStops[toks[m].Lower] {
		m++
	}
	if m < len(toks) && geoNouns[toks[m].Lower] {
		if m+2 < len(toks) && toks[m+1].Lower == "of" && toks[m+2].Upper {
			if name, ok := placeAt(txt, toks, m+2, mentions); ok {
				return name, true
			}
		}
		return txt[toks[k].Start:toks[m].PossEnd], true
	}
	return "", false
}
