package index

// Figure questions: the latest casualty figures per source.

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
)

func (s *asker) figures(ctx context.Context) ([]*candidate, error) {
	kinds := make([]query.Query, 0, len(s.q.Kinds))
	for _, k := range s.q.Kinds {
		t := bleve.NewTermQuery(k)
		t.SetField(fieldWhat)
		kinds = append(kinds, t)
	}
	must := []query.Query{bleve.NewDisjunctionQuery(kinds...)}
	if s.q.Place != "" {
		// A figure answers for a place when its paragraph names the place,
		// or its article does: a report from Wadi Safa need not repeat the
		// town's name in every paragraph.
		articles, err := s.articlesNaming(ctx, s.q.Place)
		if err != nil {
			return nil, err
		}
		s.placeArticles = articles
		where := []query.Query{placeQuery(s.q.Place)}
		for id := range articles {
			t := bleve.NewTermQuery(id)
			t.SetField(fieldArticle)
			where = append(where, t)
		}
		must = append(must, bleve.NewDisjunctionQuery(where...))
	}
	s.concepts = s.conceptsOf(ctx, append(strings.Fields(s.q.Place), s.q.Topic...))
	topic := s.conceptsOf(ctx, s.q.Topic)
	if len(s.q.Topic) > 0 {
		// "soldiers killed in an ambush": only figures near the topic can
		// answer, so the search asks for it rather than sorting every
		// figure in the corpus by date and filtering afterwards.
		tq, err := s.topicQuery(ctx, topic)
		if err != nil {
			return nil, err
		}
		must = append(must, tq)
	}
	var (
		latest map[string]figurePick
		order  []string
	)
	// Sorting every figure in a large corpus by date is the costly part:
	// look in the last month first, then the last year, then everywhere.
	for _, since := range s.figureWindows() {
		q := query.Query(bleve.NewConjunctionQuery(must...))
		if !since.IsZero() {
			q = bleve.NewConjunctionQuery(q, dayRange(fieldReported, since, time.Time{}))
		}
		// The newest matches, unscored: the figures picked are the latest
		// anyway, and without scores Bleve intersects the posting lists as
		// bitmaps.
		cands, err := s.find(ctx, q, figureCandidateCount, "-"+fieldReported)
		if err != nil {
			return nil, err
		}
		if len(s.concepts) > 0 {
			// Figures about something else ("the earthquake" when the
			// corpus has floods, "clashes" elsewhere than Tripoli) do not answer.
			cands = slices.DeleteFunc(cands, func(c *candidate) bool {
				cov, _ := s.coverage(c)
				return cov < minCoverage
			})
		}
		latest, order = s.latestFigures(cands, true)
		if len(latest) == 0 && s.q.Who != "" {
			// Reports count groups in their own words ("workers" for
			// "protesters"): rather any figure of the kind than none.
			latest, order = s.latestFigures(cands, false)
		}
		if len(latest) > 0 {
			break
		}
	}
	if len(latest) == 0 {
		if s.q.Place != "" && len(s.placeArticles) == 0 {
			if named, err := s.anyMatch(ctx, placeQuery(s.q.Place)); err != nil || !named {
				// No passage names the place at all.
				return nil, err
			}
		}
		// Nothing counted: answer as a plain search of the question's
		// words, with passages about what the question counts ("the
		// floods in Pakistan": floods, not another disaster there).
		cands, err := s.search(ctx)
		if err != nil {
			return nil, err
		}
		return slices.DeleteFunc(cands, func(c *candidate) bool {
			return slices.ContainsFunc(topic, func(con concept) bool { return !s.mentions(c, con) })
		}), nil
	}
	picked := map[*candidate]bool{}
	var kept []*candidate
	for _, key := range order {
		p := latest[key]
		if !picked[p.c] {
			picked[p.c] = true
			p.c.figures = nil
			kept = append(kept, p.c)
		}
		p.c.figures = append(p.c.figures, p.f)
		if p.f.Reported.After(p.c.reported.Time) {
			p.c.reported = p.f.Reported
		}
	}
	for _, c := range kept {
		c.reported = cmpDate(c.reported, c.sp.Article.Published)
		best := 0
		for _, f := range c.figures {
			best = max(best, f.Count)
		}
		c.score = float64(c.reported.Unix())/86400 + math.Log1p(float64(best))/100
	}
	own := map[*candidate]int{}
	for _, c := range kept {
		own[c] = s.ownConcepts(c)
	}
	slices.SortStableFunc(kept, func(a, b *candidate) int {
		if c := b.reported.Compare(a.reported.Time); c != 0 {
			return c
		}
		if a.sp.Article.ID == b.sp.Article.ID {
			// Within one article on one day: the passage that itself names
			// more of the place and topic asked about ("the Myagdi
			// landslide", not the country's monsoon total), an overall
			// toll before a part of it ("43 people" before "9 children"),
			// a figure a named body vouches for before one from "a war
			// monitor", then the lede before the history.
			if c := cmp.Compare(own[b], own[a]); c != 0 {
				return c
			}
			if c := cmp.Compare(overallTolls(b.figures), overallTolls(a.figures)); c != 0 {
				return c
			}
			if c := cmp.Compare(namedSources(b.figures), namedSources(a.figures)); c != 0 {
				return c
			}
			return cmp.Compare(a.sp.Paragraph.Number, b.sp.Paragraph.Number)
		}
		return cmp.Compare(b.score, a.score)
	})
	// Scores for figure answers rank by date; report them on a 0–1 scale.
	for i, c := range kept {
		c.score = 1 / float64(i+1)
	}
	s.notes = append(s.notes, disagreements(pickedFigures(latest, order))...)
	return kept, nil
}

// ownConcepts counts the question's concepts that a candidate's passage
// itself has, its headline aside.
func (s *asker) ownConcepts(c *candidate) int {
	words := s.stemmer.quickStems(c.sp.Paragraph.Text)
	n := 0
	for _, con := range s.concepts {
		if slices.ContainsFunc(words, func(w stemmedWord) bool { return conceptMatch(con, w.term) > 0 }) {
			n++
		}
	}
	return n
}

// topicQuery matches paragraphs holding any of the concepts' words or
// synonyms, in their text or their article's headline.
func (s *asker) topicQuery(ctx context.Context, concepts []concept) (query.Query, error) {
	var any, headline []query.Query
	for _, c := range concepts {
		for _, st := range c.stems {
			t := bleve.NewTermQuery(st)
			t.SetField(fieldText)
			any = append(any, t)
			h := bleve.NewTermQuery(st)
			h.SetField(fieldTitle)
			headline = append(headline, h)
		}
		if c.fuzzy {
			f := bleve.NewFuzzyQuery(c.stems[0])
			f.SetField(fieldText)
			f.SetFuzziness(fuzzinessFor(c.stems[0]))
			any = append(any, f)
		}
	}
	if len(any) == 0 {
		return bleve.NewMatchAllQuery(), nil
	}
	// The headline is indexed with each article's first paragraph: the
	// articles whose headline has the topic match with all their
	// paragraphs, all of them (one hit each), unscored.
	headlines := s.filteredBy(bleve.NewDisjunctionQuery(headline...), false)
	req := bleve.NewSearchRequestOptions(headlines, nameArticleLimit, 0, false)
	req.Score = "none"
	res, err := s.g.idx.SearchInContext(ctx, req)
	if err == nil && res.Total > uint64(len(res.Hits)) {
		req = bleve.NewSearchRequestOptions(headlines, int(res.Total), 0, false)
		req.Score = "none"
		res, err = s.g.idx.SearchInContext(ctx, req)
	}
	if err != nil {
		return nil, fmt.Errorf("search headlines: %w", err)
	}
	for _, hit := range res.Hits {
		if article, _, ok := splitDocID(hit.ID); ok {
			t := bleve.NewTermQuery(article)
			t.SetField(fieldArticle)
			any = append(any, t)
		}
	}
	return bleve.NewDisjunctionQuery(any...), nil
}

// figureWindows are the successive "reported since" bounds a figure
// question searches: a month and a year back from the newest article,
// then no bound. A question with its own dates searches once.
func (s *asker) figureWindows() []time.Time {
	newest := s.g.newest
	if newest.IsZero() || !s.f.from.IsZero() || !s.f.to.IsZero() {
		return []time.Time{{}}
	}
	return []time.Time{newest.AddDate(0, -1, 0), newest.AddDate(-1, 0, 0), {}}
}

// latestFigures picks, for each source and group counted, the newest
// figure that answers the question; withWho applies the group asked for.
func (s *asker) latestFigures(cands []*candidate, withWho bool) (map[string]figurePick, []string) {
	latest := map[string]figurePick{}
	var order []string
	for _, c := range cands {
		for _, f := range c.sp.Paragraph.Figures {
			if !s.figureAsked(c, f, withWho) {
				continue
			}
			key := figureKey(f)
			old, seen := latest[key]
			if !seen {
				order = append(order, key)
			}
			if !seen || newerFigure(f, c, old.f, old.c) {
				latest[key] = figurePick{c, f}
			}
		}
	}
	return latest, order
}

// newerFigure reports whether figure f of candidate c is the later report:
// reported later; on the same day, earlier in its article (news leads with
// the current toll; a figure from history comes further down); in the same
// paragraph, the larger count.
func newerFigure(f corpus.Figure, c *candidate, g corpus.Figure, d *candidate) bool {
	if cmp := f.Reported.Compare(g.Reported.Time); cmp != 0 {
		return cmp > 0
	}
	if c.sp.Article.ID == d.sp.Article.ID && c.sp.Paragraph.Number != d.sp.Paragraph.Number {
		return c.sp.Paragraph.Number < d.sp.Paragraph.Number
	}
	return f.Count > g.Count
}

// overallTolls counts the figures that count everyone ("people", or no
// group named) rather than a part ("children", "women").
func overallTolls(figs []corpus.Figure) int {
	n := 0
	for _, f := range figs {
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
	c *candidate
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

// anyMatch reports whether any paragraph matches q.
func (s *asker) anyMatch(ctx context.Context, q query.Query) (bool, error) {
	res, err := s.g.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(s.filtered(q), 0, 0, false))
	if err != nil {
		return false, fmt.Errorf("search: %w", err)
	}
	return res.Total > 0, nil
}

// articlesNaming returns the IDs of the articles about a place: those that
// name it in the headline or in the first two paragraphs (the dateline and
// the lede), not those that mention it in passing.
func (s *asker) articlesNaming(ctx context.Context, place string) (map[string]bool, error) {
	text := bleve.NewMatchQuery(place)
	text.SetField(fieldText)
	text.SetOperator(query.MatchQueryOperatorAnd)
	inclusive := true
	lede := bleve.NewTermRangeInclusiveQuery(numberTerm(1), numberTerm(2), &inclusive, &inclusive)
	lede.SetField(fieldNumber)
	title := bleve.NewMatchQuery(place)
	title.SetField(fieldTitle)
	title.SetOperator(query.MatchQueryOperatorAnd)
	// The lede may spell the place otherwise ("Hodeidah" for "Hudaydah"):
	// the names field matches it by skeleton.
	names := bleve.NewMatchQuery(place)
	names.SetField(fieldNames)
	names.SetOperator(query.MatchQueryOperatorAnd)
	about := bleve.NewDisjunctionQuery(bleve.NewConjunctionQuery(bleve.NewDisjunctionQuery(text, names), lede), title)
	// Any day: the article about the place may be newer than the figure
	// asked about ("the 2019 outbreak" recalled in 2024).
	req := bleve.NewSearchRequestOptions(s.filteredBy(about, false), placeArticleLimit, 0, false)
	res, err := s.g.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search place: %w", err)
	}
	ids := map[string]bool{}
	for _, hit := range res.Hits {
		article, _, ok := splitDocID(hit.ID)
		if !ok || ids[article] {
			continue
		}
		sp, ok, err := s.g.store.get(hit.ID)
		if err != nil {
			return nil, err
		}
		if ok && namesPlace(sp, place) {
			ids[article] = true
		}
	}
	return ids, nil
}

// namesPlace reports whether a paragraph or its headline names place: in
// those words, or as a mention whose name is a spelling of it (skeletons
// alone are too loose for short names: "Aleppo" is not "Al-Bab").
func namesPlace(sp storedParagraph, place string) bool {
	text := strings.ToLower(sp.Paragraph.Text + " \n " + sp.Article.Title)
	if !slices.ContainsFunc(strings.FieldsFunc(strings.ToLower(place), notWordRune), func(w string) bool {
		return !containsWords(text, w)
	}) {
		return true // every word of "attack on Agbadu"
	}
	for _, m := range sp.Paragraph.Mentions {
		if names.Same(place, m.Name) || names.Same(place, m.Text) {
			return true
		}
	}
	return false
}

// placeQuery finds paragraphs naming a place, across spellings: the names
// field holds transliteration skeletons, so "Tartous" finds "Tartus".
func placeQuery(place string) query.Query {
	text := bleve.NewMatchQuery(place)
	text.SetField(fieldText)
	title := bleve.NewMatchQuery(place)
	title.SetField(fieldTitle)
	names := bleve.NewMatchQuery(place)
	names.SetField(fieldNames)
	return bleve.NewDisjunctionQuery(text, title, names)
}

// figureAsked reports whether figure f of candidate c answers the question.
func (s *asker) figureAsked(c *candidate, f corpus.Figure, withWho bool) bool {
	if !slices.Contains(s.q.Kinds, f.What) {
		return false
	}
	if who := s.q.Who; withWho && who != "" && who != "people" {
		if !strings.Contains(strings.ToLower(f.Who), strings.TrimSuffix(strings.Fields(who)[0], "s")) {
			return false
		}
	}
	if s.q.Source == "" {
		return true
	}
	if speakerMatch(s.q.Source, f.Source) < nameThreshold {
		return false
	}
	// "the Libyan health ministry": a word the source lacks must be the
	// passage's or the headline's ("Libya"), or it is another ministry.
	context := strings.FieldsFunc(strings.ToLower(c.sp.Paragraph.Text+" "+c.sp.Article.Title+" "+f.Source), notWordRune)
	for _, w := range strings.FieldsFunc(strings.ToLower(s.q.Source), notWordRune) {
		if questionArticles[w] {
			continue
		}
		if !slices.ContainsFunc(context, func(x string) bool { return sameRoot(w, x) }) {
			return false
		}
	}
	return true
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

// figureKey groups figures that count the same thing from the same source.
func figureKey(f corpus.Figure) string {
	who := strings.ToLower(f.Who)
	switch {
	case who == "" || who == "people" || who == "persons":
		who = "people"
	case strings.Contains(who, "civilian"):
		who = "civilians"
	}
	return strings.ToLower(f.Source) + "|" + who + "|" + f.What
}

// disagreements describes the latest figures of different sources that
// count the same thing and differ.
func disagreements(figs []corpus.Figure) []string {
	type group struct{ figs []corpus.Figure }
	groups := map[string]*group{}
	var keys []string
	for _, f := range figs {
		k := figureKey(corpus.Figure{Who: f.Who, What: f.What})
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
