package extract

import (
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// namedEntity is a person, organisation or place named in an article.
type namedEntity struct {
	name  string
	kind  corpus.MentionKind
	count int
	last  int // order of its latest mention
	units []names.Unit
	skels map[string]bool
	acr   string
	// guessed marks a kind guessed from how the name looks, which a later
	// mention may correct ("in Derna" makes an organisation a place).
	guessed bool
}

// registry resolves the mentions of one article to full names. Its
// entities are indexed by name, by the skeleton of each word and by
// acronym, so that a mention is compared only with the entities it could
// be: resolving an article naming many people costs no comparison of
// every mention with every one of them.
type registry struct {
	ents    []*namedEntity
	aliases map[string]*namedEntity // acronyms defined in brackets
	byName  map[string][]int        // entities by name, in order
	bySkel  map[string][]int        // entities having a word of each skeleton, in order
	byAcr   map[string][]int        // organisations by the acronym of their initials, in order
	clock   int
	units   map[string][]names.Unit // names.Units by text: names recur
	sims    map[[2]string]float64
}

// resolve sets sp.name (and the kind when it was a guess). A tentative
// span that names no one known is not added; resolve reports whether the
// span stands.
func (rg *registry) resolve(sp *mentionSpan, toks []text.Token, prev *mentionSpan) bool {
	rg.clock++
	// "the Syrian Network for Human Rights (SNHR)": the acronym is an alias.
	if acr := names.AcronymLetters(sp.text); acr != "" {
		if prev != nil && prev.kind == corpus.MentionOrganisation && sp.tt >= 2 && !toks[sp.tt-1].IsWord() && toks[sp.tt-1].Rune == '(' && prev.te == sp.tt-1 {
			if e := rg.find(prev.name); e != nil {
				rg.aliases[acr] = e
			}
		}
		if e := rg.aliases[acr]; e != nil {
			rg.use(e, sp)
			return true
		}
		var best *namedEntity
		for _, i := range rg.byAcr[acr] {
			if e := rg.ents[i]; e.kind == corpus.MentionOrganisation && (best == nil || e.last > best.last) {
				best = e
			}
		}
		if best != nil {
			rg.use(best, sp)
			return true
		}
		rg.add(sp)
		return true
	}
	units := rg.unitsOf(sp.text)
	if len(units) == 0 {
		if sp.tentative {
			return false
		}
		rg.add(sp)
		return true
	}
	// "in Derna" names a place, never the person "Wadi Derna".
	placed := sp.tt > 0 && toks[sp.tt-1].IsWord() && placePrepositions[toks[sp.tt-1].Lower]
	best := rg.match(sp, units, placed)
	if best != nil {
		if placed && best.guessed && best.kind == corpus.MentionOrganisation && len(best.units) == 1 {
			best.kind = corpus.MentionPlace
		}
		rg.use(best, sp)
		return true
	}
	if sp.tentative {
		return false
	}
	rg.add(sp)
	return true
}

// match returns the entity a mention with these units names: a place of
// the same name when the mention is a place, else the most mentioned
// entity (the first of equals) that is no place, shares a word's skeleton
// with the mention and is similar enough; nil for none. A mention placed
// by a preposition ("in Derna") names no person.
func (rg *registry) match(sp *mentionSpan, units []names.Unit, placed bool) *namedEntity {
	if sp.kind == corpus.MentionPlace {
		for _, i := range rg.byName[sp.text] {
			if rg.ents[i].kind == corpus.MentionPlace {
				return rg.ents[i]
			}
		}
		if sp.sure {
			return nil
		}
	}
	var cands []int
	for _, u := range units {
		cands = append(cands, rg.bySkel[u.Skel]...)
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	var best *namedEntity
	for _, i := range cands {
		e := rg.ents[i]
		if e.kind == corpus.MentionPlace || placed && e.kind == corpus.MentionPerson ||
			sp.sure && e.kind != sp.kind || len(units) > len(e.units) {
			continue
		}
		if rg.similarity(sp.text, units, e) < names.Threshold {
			continue
		}
		if best == nil || e.count > best.count {
			best = e
		}
	}
	return best
}

// unitsOf returns names.Units(text), computing it once per text; the result
// must not be modified.
func (rg *registry) unitsOf(txt string) []names.Unit {
	if u, ok := rg.units[txt]; ok {
		return u
	}
	if rg.units == nil {
		rg.units = map[string][]names.Unit{}
	}
	u := names.Units(txt)
	rg.units[txt] = u
	return u
}

// similarity returns names.MatchUnits(units, e.units) for the mention text
// whose units these are, computing it once per text and entity: a name is
// mentioned again and again.
func (rg *registry) similarity(txt string, units []names.Unit, e *namedEntity) float64 {
	key := [2]string{txt, e.name}
	if s, ok := rg.sims[key]; ok {
		return s
	}
	if rg.sims == nil {
		rg.sims = map[[2]string]float64{}
	}
	s := names.MatchUnits(units, e.units)
	rg.sims[key] = s
	return s
}

func (rg *registry) find(name string) *namedEntity {
	if is := rg.byName[name]; len(is) > 0 {
		return rg.ents[is[0]]
	}
	return nil
}

func (rg *registry) use(e *namedEntity, sp *mentionSpan) {
	e.count++
	e.last = rg.clock
	sp.name = e.name
	if !sp.sure {
		sp.kind = e.kind
	}
}

func (rg *registry) add(sp *mentionSpan) {
	e := &namedEntity{name: sp.text, kind: sp.kind, count: 1, last: rg.clock, units: rg.unitsOf(sp.text), skels: map[string]bool{}, guessed: !sp.sure}
	for _, u := range e.units {
		e.skels[u.Skel] = true
	}
	if sp.kind == corpus.MentionOrganisation {
		e.acr = strings.ToUpper(names.Initials(sp.text))
		if len(e.acr) < 2 {
			e.acr = ""
		}
	}
	i := len(rg.ents)
	rg.ents = append(rg.ents, e)
	if rg.byName == nil {
		rg.byName, rg.bySkel, rg.byAcr = map[string][]int{}, map[string][]int{}, map[string][]int{}
	}
	rg.byName[e.name] = append(rg.byName[e.name], i)
	for skel := range e.skels {
		rg.bySkel[skel] = append(rg.bySkel[skel], i)
	}
	if e.acr != "" {
		rg.byAcr[e.acr] = append(rg.byAcr[e.acr], i)
	}
	sp.name = sp.text
}

// retargetShortNames resolves a one-word name met before the full name of
// the person it is: "Makhlouf alleges…" in the lede, "Rami Makhlouf, the
// businessman…" in the next paragraph. The spans of the short name whose
// kind was a guess become mentions of the person, unless a preposition of
// place ever leads the short name ("in Derna" is no "Wadi Derna").
func (rg *registry) retargetShortNames(toks [][]text.Token, spans [][]mentionSpan) {
	placed := map[string]bool{}
	for i := range spans {
		for _, sp := range spans[i] {
			if p := sp.tt - 1; p >= 0 && toks[i][p].IsWord() && placePrepositions[toks[i][p].Lower] {
				placed[sp.name] = true
			}
		}
	}
	var person map[string]*namedEntity
	for _, e := range rg.ents {
		if len(e.units) != 1 || e.kind != corpus.MentionOrganisation || placed[e.name] {
			continue
		}
		for _, i := range rg.bySkel[e.units[0].Skel] {
			if f := rg.ents[i]; f.kind == corpus.MentionPerson && len(f.units) > 1 &&
				rg.similarity(e.name, e.units, f) >= names.Threshold {
				if person == nil {
					person = map[string]*namedEntity{}
				}
				person[e.name] = f
				break
			}
		}
	}
	for i := range spans {
		for k := range spans[i] {
			sp := &spans[i][k]
			if f := person[sp.name]; f != nil && !sp.sure && sp.kind == corpus.MentionOrganisation {
				sp.name, sp.kind = f.name, corpus.MentionPerson
			}
		}
	}
}
