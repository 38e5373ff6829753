package rank

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// The features of a candidate, in the order of a feature vector. Each is
// a number from 0 to 1 (a few are -1 to 1); the learned model (Model)
// weighs them into one score. A rule that once decided whether a passage
// could be shown at all is one of them: the strategy of the question's
// intent accepting it ("accepted"), covering half the question
// ("coverage"), naming the speaker asked about ("speaker").
const (
	FeatureAccepted       = iota // the intent's strategy accepted it
	FeatureStrategyRank          // 1/rank among the accepted
	FeatureStrategyScore         // the strategy's score over the best accepted one's
	FeaturePlainScore            // the plain search's score over its best hit's
	FeaturePlainRank             // 1/rank in the plain search
	FeatureCoverage              // weighted share of the question's words it has
	FeatureProximity             // how close together they stand
	FeatureTitle                 // share of the question's words its headline has
	FeatureLead                  // the article's first paragraph
	FeaturePosition              // 1/paragraph number
	FeatureName                  // who/said: how well a name it mentions matches the subject
	FeatureDefines               // who: it says who the subject is
	FeatureAddressee             // who/said: the subject is named only inside a quotation
	FeatureSpeaker               // said: a quote or attribution of the subject
	FeatureQuote                 // said: it quotes someone
	FeatureFigureKind            // figure or how many: a figure of the kind asked
	FeatureFigureGroup           // figure: a figure counting the group asked
	FeatureNumber                // a count the question types stands in it
	FeatureRecent                // "latest": how new its article is among the pool's; "first": how old
	FeatureCause                 // "why": it gives a cause
	FeatureDigits                // "how many": it has a number
	FeatureFigureSource          // figure: a figure, quote or attribution of the source asked
	FeatureFigureAsked           // figure: a figure of the kind, group and source asked
	FeaturePlace                 // a place the question names is its or its article's
	FeatureAcceptedWho           // accepted, on a who question
	FeatureAcceptedSaid          // accepted, on a said question
	FeatureAcceptedFigure        // accepted, on a figure question
	FeatureNamed                 // share of the names the question capitalises that it or its article has
	FeatureTopic                 // said, figure: weighted share of the topic's words it has
	FeatureMonth                 // a month the question names is its article's, its figures' or its text's
	FeatureCoverageGap           // coverage less the pool's best coverage (≤ 0)
	FeatureProximityGap          // proximity less the pool's best
	FeatureTopicGap              // topic coverage less the pool's best
	FeatureSentence              // the best coverage of the question by one of its sentences
	FeatureAnswerType            // it holds what the question word asks for (where: a place…)
	FeatureWeekday               // a weekday the question names is its article's, its figures' or its text's
	FeatureRole                  // who: it names a person in the position asked ("Delta CEO Ed Bastian" for "who runs delta")
	NumFeatures
)

// FeatureNames name the features in the model file, in vector order.
var FeatureNames = [NumFeatures]string{
	"accepted", "strategy_rank", "strategy_score", "plain_score", "plain_rank",
	"coverage", "proximity", "title", "lead", "position",
	"name", "defines", "addressee", "speaker", "quote",
	"figure_kind", "figure_group", "number", "recent", "cause", "digits",
	"figure_source", "figure_asked", "place", "accepted_who", "accepted_said", "accepted_figure",
	"names", "topic", "month", "coverage_gap", "proximity_gap", "topic_gap",
	"sentence", "answer_type", "weekday", "role",
}

// Features is a candidate's feature vector.
type Features [NumFeatures]float64

// PoolStats are what the features of one candidate compare with the rest
// of its pool: the best scores and the span of its dates (Ranker.reported).
type PoolStats struct {
	TopStrategy, TopPlain float64
	Oldest, Newest        time.Time
	// Positions are the positions the question asks for the holder of
	// (positionsAsked), as stems.
	Positions []string
}

// PoolStats measures a pool.
func (r *Ranker) PoolStats(pool []*Candidate) PoolStats {
	ps := PoolStats{Positions: r.positionsAsked()}
	for _, c := range pool {
		if c.Strategy > 0 {
			ps.TopStrategy = max(ps.TopStrategy, c.StrategyScore)
		}
		ps.TopPlain = max(ps.TopPlain, c.PlainScore)
		if p := r.reported(c); !p.IsZero() {
			if ps.Oldest.IsZero() || p.Before(ps.Oldest) {
				ps.Oldest = p
			}
			if p.After(ps.Newest) {
				ps.Newest = p
			}
		}
	}
	return ps
}

// Features computes a candidate's features. The Ranker's Concepts must be
// the question's words (all of them, not a strategy's narrower topic).
func (r *Ranker) Features(c *Candidate, ps PoolStats) Features {
	var f Features
	q := r.Question
	if c.Strategy > 0 {
		f[FeatureAccepted] = 1
		switch q.Intent {
		case corpus.IntentWho:
			f[FeatureAcceptedWho] = 1
		case corpus.IntentSaid:
			f[FeatureAcceptedSaid] = 1
		case corpus.IntentFigure:
			f[FeatureAcceptedFigure] = 1
		}
		f[FeatureStrategyRank] = 1 / float64(c.Strategy)
		if ps.TopStrategy > 0 {
			f[FeatureStrategyScore] = max(c.StrategyScore, 0) / ps.TopStrategy
		}
	}
	if c.Plain > 0 {
		f[FeaturePlainRank] = 1 / float64(c.Plain)
		if ps.TopPlain > 0 {
			f[FeaturePlainScore] = c.PlainScore / ps.TopPlain
		}
	}
	cov, prox := r.Coverage(c)
	f[FeatureCoverage], f[FeatureProximity] = cov, min(prox*cov, 1)
	f[FeatureTitle] = r.titleCoverage(c)
	if c.Paragraph.Number == 1 {
		f[FeatureLead] = 1
	}
	if c.Paragraph.Number > 0 {
		f[FeaturePosition] = 1 / float64(c.Paragraph.Number)
	}
	r.nameFeatures(c, &f)
	if q.Intent == corpus.IntentFigure || q.Count {
		r.figureFeatures(c, &f)
	}
	if q.Number > 0 && mentionsNumber(c, q.Number) {
		f[FeatureNumber] = 1
	}
	if d := r.reported(c); (q.Latest || q.Earliest) && ps.Newest.After(ps.Oldest) && !d.IsZero() {
		f[FeatureRecent] = float64(d.Sub(ps.Oldest)) / float64(ps.Newest.Sub(ps.Oldest))
		if q.Earliest {
			f[FeatureRecent] = 1 - f[FeatureRecent]
		}
	}
	if q.Place != "" && (r.PlaceArticles[c.Article.ID] || NamesPlace(c.Article, c.Paragraph, q.Place)) {
		f[FeaturePlace] = 1
	}
	if q.Cause && givesReason(c.Paragraph.Text) {
		f[FeatureCause] = 1
	}
	if q.Count && strings.ContainsAny(c.Paragraph.Text, "0123456789") {
		f[FeatureDigits] = 1
	}
	f[FeatureNamed] = r.namesCovered(c)
	if len(r.TopicConcepts) > 0 {
		f[FeatureTopic], _ = r.coverageOf(r.TopicConcepts, c)
	}
	f[FeatureSentence] = r.sentenceCoverage(c, f[FeatureCoverage])
	if t := AnswerTypeOf(q.Text); t != AnswerAny && hasAnswerType(t, q.Text, c.Paragraph) {
		f[FeatureAnswerType] = 1
	}
	if r.inMonthAsked(c) {
		f[FeatureMonth] = 1
	}
	if r.onWeekdayAsked(c) {
		f[FeatureWeekday] = 1
	}
	if r.holdsPosition(ps.Positions, c.Paragraph) {
		f[FeatureRole] = 1
	}
	return f
}

// relative are the features whose gap to the pool's best is a feature of
// its own: a linear model cannot tell the best of a pool from its raw
// value alone.
var relative = [][2]int{
	{FeatureCoverage, FeatureCoverageGap},
	{FeatureProximity, FeatureProximityGap},
	{FeatureTopic, FeatureTopicGap},
}

// SetGaps sets the gap features of a pool's features, once every
// candidate's own features are known.
func SetGaps(pool []Features) {
	for _, rel := range relative {
		best := 0.0
		for _, f := range pool {
			best = max(best, f[rel[0]])
		}
		for i := range pool {
			pool[i][rel[1]] = pool[i][rel[0]] - best
		}
	}
}

// nameFeatures sets the features of the person or body a who or said
// question asks about.
func (r *Ranker) nameFeatures(c *Candidate, f *Features) {
	q := r.Question
	subject := strings.TrimPrefix(q.Subject, "the ")
	if subject == "" || (q.Intent != corpus.IntentWho && q.Intent != corpus.IntentSaid) {
		return
	}
	m, score := bestMention(subject, c.Paragraph)
	f[FeatureName] = score
	if score >= NameThreshold {
		if q.Intent == corpus.IntentWho && (m.Role != "" || describes(c.Paragraph.Text, m.Text)) {
			f[FeatureDefines] = 1
		}
		if m.Role == "" && onlyQuoted(c.Paragraph.Text, m.Text) {
			f[FeatureAddressee] = 1
		}
	}
	if q.Intent != corpus.IntentSaid {
		return
	}
	if len(c.Paragraph.Quotes) > 0 {
		f[FeatureQuote] = 1
	}
	headOnly := false
	for _, qt := range c.Paragraph.Quotes {
		if r.saidMatch(subject, qt.Speaker) >= NameThreshold || qt.Role != "" && roleNames(qt.Role, subject) {
			f[FeatureSpeaker] = 1
			return
		}
		headOnly = headOnly || qt.Role != "" && headNounIn(qt.Role, subject)
	}
	if headOnly {
		// "the amizmiz villager" for "28-year-old villager Salah
		// Ancheu": the kind of person asked for, if not every word.
		f[FeatureSpeaker] = 0.5
	}
	for _, a := range c.Paragraph.Attribution {
		if r.saidMatch(subject, a) >= NameThreshold {
			f[FeatureSpeaker] = 0.8
			return
		}
	}
	if speaksIn(c.Paragraph.Text, subject) {
		f[FeatureSpeaker] = max(f[FeatureSpeaker], 0.6)
	}
}

// figureFeatures sets the features of the figures a figure or "how many"
// question asks for.
func (r *Ranker) figureFeatures(c *Candidate, f *Features) {
	q := r.Question
	if q.Source != "" && r.citesSource(c) {
		f[FeatureFigureSource] = 1
	}
	for _, fig := range c.Paragraph.Figures {
		if r.FigureAsked(c, fig, true) {
			f[FeatureFigureAsked] = 1
		}
		kind := len(q.Kinds) == 0 && q.Counted != "" && strings.Contains(strings.ToLower(fig.Who), strings.TrimSuffix(q.Counted, "s")) ||
			slices.Contains(q.Kinds, fig.What)
		if kind {
			f[FeatureFigureKind] = 1
			if q.Who != "" && strings.Contains(strings.ToLower(fig.Who), strings.TrimSuffix(q.Who, "s")) {
				f[FeatureFigureGroup] = 1
			}
		}
	}
}

// namesCovered is the share of the question's concepts written as names
// (Capitalised) that a candidate's passage or headline has, or its
// article elsewhere (Concept.Articles); 1 when the question writes none.
func (r *Ranker) namesCovered(c *Candidate) float64 {
	n, found := 0, 0
	for _, con := range r.Concepts {
		if !r.Capitalised(con.Word) {
			continue
		}
		n++
		if con.Articles[c.Article.ID] || r.Mentions(c, con) {
			found++
		}
	}
	if n == 0 {
		return 1
	}
	return float64(found) / float64(n)
}

// inMonthAsked reports whether the question names a month ("in April")
// and the candidate's article was published in it, a figure of it was
// reported in it, or its text names it.
func (r *Ranker) inMonthAsked(c *Candidate) bool {
	for _, w := range r.Question.Terms {
		m, ok := text.MonthNumber(w)
		if !ok || len(w) < 4 && w != "may" {
			continue
		}
		if c.Article.Published.Month() == m && !c.Article.Published.IsZero() || text.HasWord(strings.ToLower(c.Paragraph.Text), strings.ToLower(m.String())) {
			return true
		}
		for _, f := range c.Paragraph.Figures {
			if !f.Reported.IsZero() && f.Reported.Month() == m {
				return true
			}
		}
	}
	return false
}

// onWeekdayAsked reports whether the question names a weekday ("on
// wednesday", "saturday night") and the candidate's article was
// published on one, a figure of it was reported on one, or its text names
// it: news is told on the day or the day after, so a weekday narrows the
// reports to those of its week's days.
func (r *Ranker) onWeekdayAsked(c *Candidate) bool {
	for _, w := range r.Question.Terms {
		wd, ok := text.WeekdayNumber(w)
		if !ok {
			continue
		}
		if !c.Article.Published.IsZero() && c.Article.Published.Weekday() == wd || text.HasWord(strings.ToLower(c.Paragraph.Text), w) {
			return true
		}
		for _, f := range c.Paragraph.Figures {
			if !f.Reported.IsZero() && f.Reported.Weekday() == wd {
				return true
			}
		}
	}
	return false
}

// citesSource reports whether a candidate's figures, quotes or
// attribution are of the source a figure question asks for, its text
// names the source, or the source is its outlet.
func (r *Ranker) citesSource(c *Candidate) bool {
	for _, fig := range c.Paragraph.Figures {
		if _, ok := r.sourceAsked(fig.Source); ok {
			return true
		}
	}
	for _, a := range c.Paragraph.Attribution {
		if _, ok := r.sourceAsked(a); ok {
			return true
		}
	}
	for _, qt := range c.Paragraph.Quotes {
		if _, ok := r.sourceAsked(qt.Speaker); ok {
			return true
		}
	}
	return r.FromOutlet(c) || containsWords(strings.ToLower(c.Paragraph.Text), strings.ToLower(r.Question.Source))
}

// reported is the day a candidate's news is from: its newest figure of a
// kind asked, else its article's publication.
func (r *Ranker) reported(c *Candidate) time.Time {
	var newest time.Time
	for _, f := range c.Paragraph.Figures {
		if slices.Contains(r.Question.Kinds, f.What) && f.Reported.After(newest) {
			newest = f.Reported.Time
		}
	}
	if newest.IsZero() {
		return c.Article.Published.Time
	}
	return newest
}

// mentionsNumber reports whether a candidate's figures or text carry n.
func mentionsNumber(c *Candidate, n int) bool {
	for _, f := range c.Paragraph.Figures {
		if f.Count == n {
			return true
		}
	}
	digits := strconv.Itoa(n)
	return strings.Contains(strings.ReplaceAll(c.Paragraph.Text, ",", ""), digits)
}

// titleCoverage is the weighted share of the question's concepts that a
// candidate's headline has.
func (r *Ranker) titleCoverage(c *Candidate) float64 {
	if len(r.Concepts) == 0 || c.Article.Title == "" {
		return 0
	}
	words := r.Stems.Words(c.Article.Title)
	var total, matched float64
	for _, con := range r.Concepts {
		total += con.Weight
		if slices.ContainsFunc(words, func(w string) bool { return r.match(con, w) > 0 }) {
			matched += con.Weight
		}
	}
	if total == 0 {
		return 0
	}
	return matched / total
}

// describes reports whether text says who name is where it names them:
// an apposition or relative clause after the name ("X, a former general",
// "X, who…"), a copula ("X is…", "X was…"), or "known as X".
func describes(text, name string) bool {
	if name == "" {
		return false
	}
	for i := strings.Index(text, name); i >= 0; {
		rest := text[i+len(name):]
		for _, lead := range []string{", who ", ", a ", ", an ", ", the ", " is a ", " is the ", " was a ", " was the ", " is an ", " was an ", " (", ", known "} {
			if strings.HasPrefix(rest, lead) {
				return true
			}
		}
		if strings.HasSuffix(strings.ToLower(text[:i]), "known as ") {
			return true
		}
		j := strings.Index(rest, name)
		if j < 0 {
			break
		}
		i += len(name) + j
	}
	return false
}
