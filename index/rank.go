package index

// Plain searches and the ranking every question shares: weighted
// concepts, coverage, typo and synonym tolerance, highlights.

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	porterstemmer "github.com/blevesearch/go-porterstemmer"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
)

// synonyms widen a question's words (by stem) to the words news reports
// use for them; each entry's stems count as a match for the key.
var synonyms = withSynonymGroups(baseSynonyms, synonymGroups)

// synonymGroups are words that news reports and questions use for one
// another; each word of a group matches the others. Words, not stems: they
// are stemmed as the text analyzer stems them.
var synonymGroups = []string{
	"delivery deliveries shipment shipments supplies convoy convoys consignment",
	"delayed delay held stalled postponed blocked halted suspended hampered obstructed stuck",
	"shortage shortages scarcity lack shortfall scarce",
	"fuel diesel petrol gasoline",
	"fire blaze flames inferno",
	"firefighters firefighter firemen",
	"hillside slope mountainside hill",
	"landslide landslip mudslide",
	"quake earthquake tremor",
	"airlifted airlift helicopter flown",
	"hospital hospitals clinic",
	"gunmen attackers assailants militants",
	"herders herdsmen pastoralists",
	"village villages hamlet settlement",
	"missing unaccounted",
	"rescued rescue saved",
	"search searching hunt",
	"rain rains rainfall downpour downpours monsoon",
	"flood floods flooding inundated",
	"talks negotiations negotiate dialogue",
	"damaged destroyed wrecked ruined",
	"kidnapped abducted",
	"freed released",
	"weapons arms munitions",
	"missile missiles rocket rockets",
	"airstrike airstrikes bombing bombardment shelling",
	"port harbour harbor dock docks",
	"ship ships vessel vessels tanker tankers",
	"army military troops soldiers",
	"electricity power blackout outage",
	"food wheat flour grain",
	"price prices cost costs",
	"wounded injured hurt",
	"dangerous danger risk risky deadly harmful threat",
	"overnight night nights nighttime",
	"reduce reduced cut lower lowered fewer curb",
	"quickly fast rapidly rapid swiftly",
	"houses homes buildings dwellings",
	"doctors medics physicians",
	"children minors",
	"heatwave heat",
}

// withSynonymGroups adds the stems of each group's words to base, each
// stem matching the others of its group.
func withSynonymGroups(base map[string][]string, groups []string) map[string][]string {
	out := make(map[string][]string, len(base))
	for k, v := range base {
		out[k] = slices.Clone(v)
	}
	for _, g := range groups {
		var stems []string
		for _, w := range strings.Fields(g) {
			if st := porterstemmer.StemString(w); !slices.Contains(stems, st) {
				stems = append(stems, st)
			}
		}
		for _, a := range stems {
			for _, b := range stems {
				if a != b && !slices.Contains(out[a], b) {
					out[a] = append(out[a], b)
				}
			}
		}
	}
	return out
}

// baseSynonyms are the synonyms that are not symmetric: "caus" matches
// "behind" ("who is behind the attack"), not the other way round.
var baseSynonyms = map[string][]string{
	"start":      {"erupt", "broke", "outbreak", "began", "trigger", "spark"},
	"begin":      {"erupt", "broke", "outbreak", "start", "trigger", "spark"},
	"run":        {"head", "lead", "led", "chief", "director", "leader"},
	"lead":       {"led", "head", "chief", "director", "leader", "run"},
	"leader":     {"head", "chief", "director", "lead"},
	"head":       {"chief", "director", "leader", "lead"},
	"fight":      {"clash", "battl", "combat", "violenc"},
	"clash":      {"fight", "battl", "violenc"},
	"attack":     {"assault", "offens", "strike", "raid"},
	"protest":    {"demonstr", "ralli", "march"},
	"govern":     {"author", "state", "offici"},
	"kill":       {"dead", "die", "death", "slain"},
	"death":      {"kill", "dead", "die"},
	"spi":        {"intellig"},
	"intellig":   {"spi", "secur"},
	"investig":   {"inquiri", "probe", "fact"},
	"caus":       {"behind", "respons", "blame", "link", "due", "becaus", "result", "trigger", "spark"},
	"respons":    {"behind", "blame", "caus"},
	"ceasefir":   {"truce"},
	"truce":      {"ceasefir"},
	"flee":       {"fled", "displac"},
	"displac":    {"fled", "flee"},
	"violenc":    {"clash", "fight", "unrest"},
	"accountabl": {"justic", "prosecut"},
	"accept":     {"declin", "refus", "reject", "agre", "allow", "offer", "welcom"},
	"storm":      {"breach", "broke", "forc", "invad", "rush", "overran", "overrun"},
	"capsiz":     {"sank", "sink", "overturn", "flip"},
	"sink":       {"sank", "capsiz", "overturn"},
	"collaps":    {"cave", "crumbl"},
	"arrest":     {"detain", "custodi"},
	"detain":     {"arrest", "custodi"},
	"evacu":      {"fled", "flee", "displac"},
	"refus":      {"declin", "reject", "deni"},
	"foreign":    {"intern", "countri", "abroad", "oversea"},
	"help":       {"aid", "assist", "relief", "support"},
	"aid":        {"help", "assist", "relief", "humanitarian"},
}

func (s *asker) search(ctx context.Context) ([]*candidate, error) {
	words := s.q.Terms
	if len(words) == 0 {
		if !s.hasFilters(true) {
			return nil, nil
		}
		return s.find(ctx, bleve.NewMatchAllQuery(), candidateCount, "-"+fieldPublished, fieldNumber)
	}
	// One term query per word, by its stem: exact words cost little; only
	// a word the index lacks is looked up fuzzily, as a misspelling.
	s.concepts = s.conceptsOf(ctx, words)
	if err := s.nameArticles(ctx); err != nil {
		return nil, err
	}
	why := asksWhy(s.q.Text)
	var disj []query.Query
	// Without filters, clauses for stems the text lacks are left out: they
	// match nothing, and leaving them out scales every hit's score alike
	// (Bleve's coordination factor), so the ranking is the same. A filter's
	// score is added to the disjunction's, which would no longer be so.
	unfiltered := !s.hasFilters(true)
	for _, c := range s.concepts {
		if !unfiltered || c.hasInText(0) {
			t := bleve.NewTermQuery(c.stems[0])
			t.SetField(fieldText)
			t.SetBoost(c.weight)
			disj = append(disj, t)
		}
		if c.fuzzy {
			f := bleve.NewFuzzyQuery(c.stems[0])
			f.SetField(fieldText)
			f.SetFuzziness(fuzzinessFor(c.stems[0]))
			f.SetBoost(0.7 * c.weight)
			disj = append(disj, f)
		}
		for i, st := range c.stems[1:] {
			if unfiltered && !c.hasInText(i+1) {
				continue
			}
			t := bleve.NewTermQuery(st)
			t.SetField(fieldText)
			t.SetBoost(0.5 * c.weight)
			disj = append(disj, t)
		}
		if c.skeleton != "" {
			t := bleve.NewTermQuery(c.skeleton)
			t.SetField(fieldNames)
			t.SetBoost(0.9 * c.weight)
			disj = append(disj, t)
		}
	}
	text := strings.Join(words, " ")
	title := bleve.NewMatchQuery(text)
	title.SetField(fieldTitle)
	title.SetBoost(0.5)
	disj = append(disj, title)
	kept, err := s.rerank(ctx, bleve.NewDisjunctionQuery(disj...), func(c *candidate, relevance float64) (float64, bool) {
		cov, prox := s.coverage(c)
		score := 2*cov + prox*cov + 0.5*relevance
		if why && givesReason(c.sp.Paragraph.Text) {
			score++ // "why…": a passage that gives a cause
		}
		return score, cov >= minCoverage
	})
	if err == nil && s.q.Latest {
		preferRecent(kept)
		sortCandidates(kept)
	}
	return kept, err
}

// nameArticles finds, for each concept the question writes as a name,
// the articles that name it in some paragraph or the headline.
func (s *asker) nameArticles(ctx context.Context) error {
	for i := range s.concepts {
		c := &s.concepts[i]
		if !s.capitalised(c.word) || c.docs == 0 || c.docs > nameArticleLimit {
			// A name in many paragraphs is in most passages that answer;
			// reading them all would cost more than it brings.
			continue
		}
		ids, err := s.articlesWith(ctx, c.word)
		if err != nil {
			return err
		}
		c.articles = ids
	}
	return nil
}

// articlesWith returns the articles that have word in a paragraph or the
// headline, reading at most nameArticleLimit paragraphs.
func (s *asker) articlesWith(ctx context.Context, word string) (map[string]bool, error) {
	text := bleve.NewMatchQuery(word)
	text.SetField(fieldText)
	title := bleve.NewMatchQuery(word)
	title.SetField(fieldTitle)
	req := bleve.NewSearchRequestOptions(s.filtered(bleve.NewDisjunctionQuery(text, title)), nameArticleLimit, 0, false)
	res, err := s.g.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", word, err)
	}
	ids := map[string]bool{}
	for _, hit := range res.Hits {
		if article, _, ok := splitDocID(hit.ID); ok {
			ids[article] = true
		}
	}
	return ids, nil
}

// asksWhy reports whether a question asks for a cause: "why…", "what
// caused…", "what led to…", "what triggered…", "what is behind…".
func asksWhy(question string) bool {
	q := strings.ToLower(strings.TrimSpace(question))
	for _, p := range []string{"why ", "what caused ", "what causes ", "what led to ", "what triggered ", "what sparked ",
		"what is behind ", "what's behind ", "what was behind ", "what is the cause", "what was the cause", "what is the reason", "what was the reason"} {
		if strings.HasPrefix(q, p) {
			return true
		}
	}
	return false
}

// reasonWords introduce a cause or a motive.
var reasonWords = []string{"because", "due to", "blamed", "blame", "caused", "cause", "after", "over", "amid",
	"dispute", "reason", "motive", "accused", "retaliation", "triggered", "sparked", "led to", "result of",
	"so that", "in order to", "in protest", "following", "linked to", "attributed to"}

// givesReason reports whether text states a cause or a motive.
func givesReason(text string) bool {
	low := strings.ToLower(text)
	for _, w := range reasonWords {
		if containsWords(low, w) {
			return true
		}
	}
	return false
}

// preferRecent raises newer passages for questions that ask for the
// latest: up to half a point for the newest article among the candidates.
func preferRecent(cands []*candidate) {
	var oldest, newest time.Time
	for _, c := range cands {
		p := c.sp.Article.Published.Time
		if p.IsZero() {
			continue
		}
		if oldest.IsZero() || p.Before(oldest) {
			oldest = p
		}
		if p.After(newest) {
			newest = p
		}
	}
	span := newest.Sub(oldest)
	if span <= 0 {
		return
	}
	for _, c := range cands {
		if p := c.sp.Article.Published.Time; !p.IsZero() {
			c.score += 0.5 * float64(p.Sub(oldest)) / float64(span)
		}
	}
}

// conceptsOf analyses the question's words into weighted concepts: rare
// words weigh more (inverse document frequency), synonyms count as the word.
func (s *asker) conceptsOf(ctx context.Context, words []string) []concept {
	df, err := s.g.docFreq(ctx)
	if err != nil {
		s.log.Warn("ranking without term statistics", "err", err)
	}
	defer df.close()
	var out []concept
	seen := map[string]bool{}
	fuzzyLookups := 0
	countQuestion := strings.HasPrefix(strings.ToLower(strings.TrimSpace(s.q.Text)), "how many ")
	// A question's first words are enough: a pasted paragraph must not
	// turn into dozens of term and fuzzy lookups.
	for _, w := range words[:min(len(words), maxConcepts)] {
		stems := s.stems(w)
		if len(stems) == 0 || seen[stems[0]] {
			continue
		}
		seen[stems[0]] = true
		c := concept{word: w, stems: []string{stems[0]}}
		c.stems = append(c.stems, synonyms[stems[0]]...)
		n, count := df.count(stems[0])
		if count == 0 && fuzzyLookups < maxFuzzy {
			fuzzyLookups++
			count = df.fuzzyCount(stems[0])
			c.fuzzy = count > 0
		}
		c.weight = math.Log(1 + float64(n+1)/float64(count+1))
		c.docs = int(count)
		if count == 0 {
			// An acronym of an organisation the corpus names: "HTS" for
			// Hayat Tahrir al-Sham. Its name's words count as the word.
			for _, org := range s.expandAcronym(w) {
				for _, word := range strings.FieldsFunc(org, notWordRune) {
					if st := s.stems(word); len(word) >= 4 && len(st) == 1 && unicode.IsUpper([]rune(word)[0]) {
						c.stems = append(c.stems, st[0])
						count = max(count, 1)
					}
				}
			}
		}
		if key := names.Skeleton(w); count == 0 && len(key) >= 3 {
			// A name spelt otherwise than the corpus spells it: "Tartous",
			// "ghiath" match by transliteration skeleton.
			if _, k := df.countIn(fieldNames, key); k > 0 {
				c.skeleton = key
			}
		}
		if count == 0 && !c.fuzzy && c.skeleton == "" && !df.anyOf(c.stems[1:]) && countQuestion && !s.capitalised(w) {
			// "How many prisoners escaped": what a count counts is the
			// question; a corpus that never says it cannot answer.
			c.weight *= 2
		}
		if count == 0 && c.skeleton == "" && s.capitalised(w) && !df.anyOf(c.stems[1:]) {
			// A name the corpus never uses, in any spelling: what it names
			// is most likely not in the corpus, so passages matching only
			// the question's other words should not answer ("death toll in
			// Sudan" when no article mentions Sudan). Ordinary words the
			// corpus lacks are more often paraphrases, and weigh as usual.
			c.weight *= 2
		}
		c.inText = make([]bool, len(c.stems))
		for i, st := range c.stems {
			c.inText[i] = !df.lacks(st)
		}
		out = append(out, c)
	}
	return out
}

// capitalised reports whether the question wrote word with a capital
// letter other than at its start, as names are written.
func (s *asker) capitalised(word string) bool {
	fields := strings.FieldsFunc(s.q.Text, notWordRune)
	for i, f := range fields {
		if i > 0 && strings.EqualFold(f, word) && unicode.IsUpper([]rune(f)[0]) {
			return true
		}
	}
	return false
}

// coverage returns the weighted share of the question's concepts that a
// candidate contains (with typo tolerance), and a bonus for how close
// together they stand.
func (s *asker) coverage(c *candidate) (float64, float64) {
	if len(s.concepts) == 0 {
		return 1, 0
	}
	toks := s.wordsOf(c)
	var total, matched float64
	var positions []int
	for _, con := range s.concepts {
		w := con.weight
		total += w
		pos, best := -1, 0.0
		for _, t := range toks {
			if m := conceptMatch(con, t.term); m > best {
				pos, best = t.pos, m
				if m == 1 {
					break
				}
			}
		}
		if pos < 0 && con.skeleton != "" && mentionsName(c.sp.Paragraph, con.word, con.skeleton) {
			best = 0.9
		}
		if best == 0 && con.articles[c.sp.Article.ID] {
			best = 0.8 // an article about Nepal: the passage need not say it
		}
		if best > 0 {
			matched += w * best
		}
		if pos >= 0 {
			positions = append(positions, pos)
		}
	}
	if total == 0 {
		return 0, 0
	}
	prox := 0.0
	if len(positions) > 1 {
		span := slices.Max(positions) - slices.Min(positions) + 1
		prox = 0.5 * float64(len(positions)) / float64(span)
	}
	return matched / total, prox
}

// wordsOf returns the stemmed words of a candidate's passage and headline
// (and the place asked about, when its article is about the place),
// computing them once.
func (s *asker) wordsOf(c *candidate) []stemmedWord {
	if c.words == nil {
		text := c.sp.Paragraph.Text + " " + c.sp.Article.Title
		if s.placeArticles[c.sp.Article.ID] {
			text += " " + s.q.Place
		}
		c.words = s.stemmer.quickStems(text)
	}
	return c.words
}

// mentions reports whether a candidate's passage or headline has a word
// for the concept (its own, a synonym, a near form), or a name that is a
// spelling of it.
func (s *asker) mentions(c *candidate, con concept) bool {
	for _, t := range s.wordsOf(c) {
		if conceptMatch(con, t.term) > 0 {
			return true
		}
	}
	return con.skeleton != "" && mentionsName(c.sp.Paragraph, con.word, con.skeleton)
}

// conceptMatch scores how an analysed token matches a concept: 1 for the
// same stem; less for a synonym, a longer form ("fight" → "fighter") or a
// misspelling by a letter or two; 0 for no match.
func conceptMatch(c concept, tok string) float64 {
	const near = 0.7
	st := c.stems[0]
	switch {
	case tok == st:
		return 1
	case len(st) >= 4 && strings.HasPrefix(tok, st) && len(tok)-len(st) <= 3,
		len(st) >= 4 && len(tok)-len(st) >= 4 && strings.HasSuffix(tok, st): // "quake" in "earthquake"
		return near
	case len(st) >= 9 && abs(len(st)-len(tok)) <= 1 && corpus.EditDistance(st, tok, 2) <= 2,
		len(st) >= 5 && corpus.EditDistance(st, tok, 1) <= 1:
		return near
	}
	for _, syn := range c.stems[1:] {
		if strings.HasPrefix(tok, syn) {
			return near
		}
	}
	return 0
}

// highlights returns the words of a candidate's text that matched.
func (s *asker) highlights(c *candidate) []string {
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range strings.FieldsFunc(c.sp.Paragraph.Text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’' && r != ','
	}) {
		w = strings.Trim(w, "-'’,")
		if w == "" {
			continue
		}
		for _, n := range c.names {
			if strings.EqualFold(strings.Trim(n, ",.;:’'"), w) {
				add(w)
			}
		}
		for _, f := range c.figures {
			if strings.Contains(f.CountText, w) && strings.ContainsAny(w, "0123456789") {
				add(w)
			}
		}
		if strings.ContainsRune(w, ',') {
			continue
		}
		st := s.stems(w)
		if len(st) == 1 {
			for _, con := range s.concepts {
				if conceptMatch(con, st[0]) > 0 {
					add(w)
				}
			}
		}
	}
	return out
}

// fuzzinessFor is how many edits a misspelt word may be from a real one:
// one for most words, two for long ones.
func fuzzinessFor(term string) int {
	if len(term) >= 9 {
		return 2
	}
	return 1
}

// mentionsName reports whether a name the paragraph mentions has a word
// spelt like word in another transliteration: the same skeleton key and a
// close whole-word match, so that "Aleppo" does not find "Libya".
func mentionsName(p corpus.Paragraph, word, key string) bool {
	for _, m := range p.Mentions {
		for _, w := range strings.FieldsFunc(m.Text+" "+m.Name, notWordRune) {
			if names.Skeleton(w) == key && names.Match(word, w) >= nameThreshold {
				return true
			}
		}
	}
	return false
}
