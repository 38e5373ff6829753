package rank

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// LatestFigures picks, for each source and group counted, the newest
// figure that answers the question, or the oldest when it asks for the
// first report (Question.Earliest); withWho applies the group asked for.
func (r *Ranker) LatestFigures(cands []*Candidate, withWho bool) Picks {
	keep := func(c *Candidate, f corpus.Figure) bool { return r.FigureAsked(c, f, withWho) }
	if r.Question.Earliest {
		return pickFigures(cands, keep, olderFigure)
	}
	return pickFigures(cands, keep, newerFigure)
}

// pickFigures picks, for each source and group counted, the candidates'
// figure that keep accepts and that better reports before every other.
func pickFigures(cands []*Candidate, keep func(*Candidate, corpus.Figure) bool, better func(corpus.Figure, *Candidate, corpus.Figure, *Candidate) bool) Picks {
	latest := map[string]figurePick{}
	var order []string
	for _, c := range cands {
		for _, f := range c.Paragraph.Figures {
			if !keep(c, f) {
				continue
			}
			key := figureKey(f)
			old, seen := latest[key]
			if !seen {
				order = append(order, key)
			}
			if !seen || better(f, c, old.f, old.c) {
				latest[key] = figurePick{c, f}
			}
		}
	}
	return Picks{latest: latest, order: order}
}

// CountedFigures picks, among the candidates' figures of the kinds asked,
// those whose count is the number the question types ("toll 1225", "the
// 1,300 figure"): a figure named by its count is the one asked for,
// however old.
//
// A count of another kind names the report, not the figure: "how many
// injured in the 1,037 count" asks for the injured beside the 1,037 dead.
func (r *Ranker) CountedFigures(cands []*Candidate) Picks {
	q := r.Question
	asked := func(f corpus.Figure) bool { return len(q.Kinds) == 0 || slices.Contains(q.Kinds, f.What) }
	typed := func(f corpus.Figure) bool { return q.Number != 0 && f.Count == q.Number }
	return pickFigures(cands, func(c *Candidate, f corpus.Figure) bool {
		return asked(f) && (typed(f) || !typed(f) && slices.ContainsFunc(c.Paragraph.Figures, func(g corpus.Figure) bool { return typed(g) && !asked(g) }))
	}, newerFigure)
}

// Picks are the figures chosen for a question: for each source and group
// counted, the newest figure and its candidate.
type Picks struct {
	latest map[string]figurePick
	order  []string
}

// Empty reports whether no figure was picked.
func (p Picks) Empty() bool { return len(p.latest) == 0 }

// newerFigure reports whether figure f of candidate c is the later report:
// reported later; on the same day, earlier in its article (news leads with
// the current toll; a figure from history comes further down); in the same
// paragraph, the larger count.
func newerFigure(f corpus.Figure, c *Candidate, g corpus.Figure, d *Candidate) bool {
	if cmp := f.Reported.Compare(g.Reported.Time); cmp != 0 {
		return cmp > 0
	}
	if c.Article.ID == d.Article.ID && c.Paragraph.Number != d.Paragraph.Number {
		return c.Paragraph.Number < d.Paragraph.Number
	}
	return f.Count > g.Count
}

// olderFigure reports whether figure f of candidate c is the earlier
// report: in an article published earlier (a figure's own date may be
// the event's, "killed 200 last month", not its report's), undated last;
// on the same day, in one article, the lede's before the history's;
// across articles, the smaller count, as a toll that is still being
// counted only grows during the day.
func olderFigure(f corpus.Figure, c *Candidate, g corpus.Figure, d *Candidate) bool {
	a, b := cmpDate(c.Article.Published, f.Reported), cmpDate(d.Article.Published, g.Reported)
	if a.IsZero() != b.IsZero() {
		return b.IsZero()
	}
	if cmp := a.Compare(b.Time); cmp != 0 {
		return cmp < 0
	}
	if c.Article.ID == d.Article.ID {
		return newerFigure(f, c, g, d)
	}
	return f.Count < g.Count
}

// compareFirst orders figure answers for a question asking for the
// first report: the earlier article first (by its publication, else its
// figures' date; see olderFigure), undated last.
func compareFirst(a, b *Candidate) int {
	da, db := cmpDate(a.Article.Published, a.Reported), cmpDate(b.Article.Published, b.Reported)
	if da.IsZero() != db.IsZero() {
		if da.IsZero() {
			return 1
		}
		return -1
	}
	return da.Compare(db.Time)
}

// maxCount is the largest count of figs.
func maxCount(figs []corpus.Figure) int {
	n := 0
	for _, f := range figs {
		n = max(n, f.Count)
	}
	return n
}

// overallTolls counts the figures that count everyone ("people", or no
// group named) rather than a part ("children", "women", the dead of
// another place than the one asked about).
func (r *Ranker) overallTolls(figs []corpus.Figure) int {
	n := 0
	for _, f := range figs {
		if f.Where != "" && (r.Question.Place == "" || !containsWords(strings.ToLower(f.Where), r.Question.Place)) {
			continue
		}
		switch strings.ToLower(f.Who) {
		case "", "people", "persons", "individuals":
			n++
		}
	}
	return n
}

// namedSources counts the figures whose source is a name ("Syrian
// Observatory for Human Rights") rather than a description ("a war
// monitor", "the ministry").
func namedSources(figs []corpus.Figure) int {
	n := 0
	for _, f := range figs {
		first, _, _ := strings.Cut(f.Source, " ")
		if r := []rune(first); len(r) > 0 && unicode.IsUpper(r[0]) && first != "The" && first != "A" && first != "An" {
			n++
		}
	}
	return n
}

// figurePick is the figure chosen for one source and group, and its paragraph.
type figurePick struct {
	c *Candidate
	f corpus.Figure
}

func pickedFigures(m map[string]figurePick, order []string) []corpus.Figure {
	out := make([]corpus.Figure, 0, len(order))
	for _, k := range order {
		out = append(out, m[k].f)
	}
	return out
}

func cmpDate(reported, published corpus.Date) corpus.Date {
	if reported.IsZero() {
		return published
	}
	return reported
}

// NamesPlace reports whether a paragraph or its headline names place: in
// those words, or as a mention whose name is a spelling of it (skeletons
// alone are too loose for short names: "Aleppo" is not "Al-Bab").
func NamesPlace(a corpus.ArticleRef, p corpus.Paragraph, place string) bool {
	low := strings.ToLower(p.Text + " \n " + a.Title)
	if !slices.ContainsFunc(text.Fields(strings.ToLower(place)), func(w string) bool {
		return !containsWords(low, w)
	}) {
		return true // every word of "attack on Agbadu"
	}
	for _, m := range p.Mentions {
		if names.Same(place, m.Name) || names.Same(place, m.Text) {
			return true
		}
	}
	return false
}

// FigureAsked reports whether figure f of candidate c answers the question.
func (r *Ranker) FigureAsked(c *Candidate, f corpus.Figure, withWho bool) bool {
	if !slices.Contains(r.Question.Kinds, f.What) {
		return false
	}
	if who := r.Question.Who; withWho && who != "" && who != "people" {
		if !strings.Contains(strings.ToLower(f.Who), strings.TrimSuffix(strings.Fields(who)[0], "s")) {
			return false
		}
	}
	if r.Question.Source == "" || r.FromOutlet(c) {
		return true
	}
	asked, ok := r.sourceAsked(f.Source)
	if !ok {
		return false
	}
	// "the Libyan health ministry": a word the source lacks must be the
	// passage's or the headline's ("Libya"), or it is another ministry.
	context := text.Fields(strings.ToLower(c.Paragraph.Text + " " + c.Article.Title + " " + f.Source))
	for _, w := range text.Fields(strings.ToLower(asked)) {
		if questionArticles[w] {
			continue
		}
		if !slices.ContainsFunc(context, func(x string) bool { return sameRoot(w, x) }) {
			return false
		}
	}
	return true
}

// FromOutlet reports whether the source the question asks for is the
// outlet that published the candidate's article ("per al jazeera", "what
// did AP report"): an outlet reports every figure it prints, whoever it
// cites.
func (r *Ranker) FromOutlet(c *Candidate) bool {
	asked, outlet := r.Question.Source, c.Article.Source
	if asked == "" || outlet == "" {
		return false
	}
	if i := strings.Index(outlet, " ("); i > 0 {
		outlet = outlet[:i] // "Reuters (as republished by …)"
	}
	if _, ok := r.sourceAsked(outlet); ok {
		return true
	}
	return containsWords(strings.ToLower(outlet), strings.ToLower(asked))
}

// sourceAsked reports whether a figure's source is the source the
// question asks for, and returns the asked source's name as it matched:
// as typed ("the observatory"), spelt out from an acronym ("SOHR" → the
// organisation whose initials those are), or named inside the source
// ("fire brigade" in "the Larissa fire brigade").
func (r *Ranker) sourceAsked(source string) (string, bool) {
	asked := r.Question.Source
	if source == "" {
		return asked, false
	}
	if speakerMatch(asked, source) >= NameThreshold {
		return asked, true
	}
	if low := strings.ToLower(asked); !strings.Contains(low, " ") && strings.ToLower(names.Initials(source)) == low {
		return source, true
	}
	for _, name := range append(r.ExpandAcronym(asked), names.KnownAcronym(asked)...) {
		if speakerMatch(name, source) >= NameThreshold {
			return name, true
		}
	}
	if len(text.Fields(asked)) > 1 && text.HasWord(source, asked) {
		return asked, true
	}
	return asked, false
}

// sameRoot reports whether two words share their root: equal, or sharing
// their first letters but for the last two of the shorter ("Libya",
// "Libyan"; "Lebanon", "Lebanese"; "Iraq", "Iraqi"; not "interior",
// "international").
func sameRoot(a, b string) bool {
	if a == b {
		return true
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4 && n >= min(len(a), len(b))-2
}

// figureKey groups figures that count the same thing from the same source:
// the same group and kind, in the same place (a province's toll is no
// later count of the country's).
func figureKey(f corpus.Figure) string {
	who := strings.ToLower(f.Who)
	switch {
	case who == "" || who == "people" || who == "persons":
		who = "people"
	case strings.Contains(who, "civilian"):
		who = "civilians"
	}
	return strings.ToLower(f.Source) + "|" + who + "|" + f.What + "|" + strings.ToLower(f.Where)
}

// disagreements describes the latest figures of different sources that
// count the same thing, in the same place, and differ.
func disagreements(figs []corpus.Figure) []string {
	type group struct{ figs []corpus.Figure }
	groups := map[string]*group{}
	var keys []string
	for _, f := range figs {
		k := figureKey(corpus.Figure{Who: f.Who, What: f.What, Where: f.Where})
		if groups[k] == nil {
			groups[k] = &group{}
			keys = append(keys, k)
		}
		groups[k].figs = append(groups[k].figs, f)
	}
	var notes []string
	for _, k := range keys {
		g := groups[k]
		if len(g.figs) < 2 {
			continue
		}
		lo, hi := g.figs[0].Count, g.figs[0].Count
		for _, f := range g.figs {
			lo, hi = min(lo, f.Count), max(hi, f.Count)
		}
		if hi == 0 || float64(hi-lo)/float64(hi) < 0.1 {
			continue
		}
		parts := make([]string, 0, len(g.figs))
		for _, f := range g.figs {
			parts = append(parts, f.Summary())
		}
		notes = append(notes, "Sources report different figures: "+strings.Join(parts, "; ")+".")
	}
	return notes
}

// ChooseFigures turns the picks into the answers, newest first (oldest
// for the first report): each
// candidate with the figures picked from it, scored on a 0–1 scale by
// rank. It returns the notes on sources that disagree.
func (r *Ranker) ChooseFigures(picks Picks) ([]*Candidate, []string) {
	picked := map[*Candidate]bool{}
	var kept []*Candidate
	for _, key := range picks.order {
		p := picks.latest[key]
		if !picked[p.c] {
			picked[p.c] = true
			p.c.Figures = nil
			kept = append(kept, p.c)
		}
		p.c.Figures = append(p.c.Figures, p.f)
		if p.f.Reported.After(p.c.Reported.Time) {
			p.c.Reported = p.f.Reported
		}
	}
	for _, c := range kept {
		c.Reported = cmpDate(c.Reported, c.Article.Published)
		c.Score = float64(c.Reported.Unix())/86400 + math.Log1p(float64(maxCount(c.Figures)))/100
	}
	r.sortFigureAnswers(kept)
	// Scores for figure answers rank by date; report them on a 0–1 scale.
	for i, c := range kept {
		c.Score = 1 / float64(i+1)
	}
	return kept, disagreements(pickedFigures(picks.latest, picks.order))
}

// sortFigureAnswers orders figure answers newest first, or oldest first
// when the question asks for the first report.
func (r *Ranker) sortFigureAnswers(kept []*Candidate) {
	own := map[*Candidate]int{}
	for _, c := range kept {
		own[c] = r.OwnConcepts(c)
	}
	slices.SortStableFunc(kept, func(a, b *Candidate) int {
		if r.Question.Earliest {
			if c := compareFirst(a, b); c != 0 {
				return c
			}
		} else if c := b.Reported.Compare(a.Reported.Time); c != 0 {
			return c
		}
		if a.Article.ID == b.Article.ID {
			// Within one article on one day: the passage that itself names
			// more of the place and topic asked about ("the Myagdi
			// landslide", not the country's monsoon total), an overall
			// toll before a part of it ("43 people" before "9 children"),
			// a figure a named body vouches for before one from "a war
			// monitor", then the lede before the history.
			if c := cmp.Compare(own[b], own[a]); c != 0 {
				return c
			}
			if c := cmp.Compare(r.overallTolls(b.Figures), r.overallTolls(a.Figures)); c != 0 {
				return c
			}
			if c := cmp.Compare(namedSources(b.Figures), namedSources(a.Figures)); c != 0 {
				return c
			}
			return cmp.Compare(a.Paragraph.Number, b.Paragraph.Number)
		}
		// Across articles: the better score (the later day, then the
		// larger count; the smaller for the first report), then the same
		// order as Sort, so that equal answers never depend on the index's
		// internal order.
		if r.Question.Earliest {
			// The overall toll of the day's first report: the smaller of
			// the overall counts, not a part of one ("2 in Castilla-La Mancha").
			return cmp.Or(cmp.Compare(r.overallTolls(b.Figures), r.overallTolls(a.Figures)),
				cmp.Compare(maxCount(a.Figures), maxCount(b.Figures)), tieOrder(a, b))
		}
		return cmp.Or(cmp.Compare(b.Score, a.Score), tieOrder(a, b))
	})
}
