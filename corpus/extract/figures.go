package extract

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
)

// ---------------------------------------------------------------------
// Tokens and sentences.

// sPossessive reports whether t is written with a possessive 's:
// "Syria's", not "soldiers'".
func sPossessive(t text.Token) bool { return t.Possessive && strings.HasSuffix(t.Text, "s") }

// sentenceBounds returns the index of the first token of each sentence
// of toks (see text.Sentences).
func sentenceBounds(toks []text.Token) []int {
	bounds := []int{0}
	for k := 1; k < len(toks); k++ {
		if toks[k].Sentence != toks[k-1].Sentence {
			bounds = append(bounds, k)
		}
	}
	return bounds
}

// ---------------------------------------------------------------------
// Vocabulary.

var (
	unitWords = map[string]int{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	}
	tensWords = map[string]int{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	scaleWords = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000}
	// vagueNumbers are number words with a conventional value.
	vagueNumbers = map[string]int{
		"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2000000,
	}

	// qualifierPhrases are the qualifiers written before a number, longest first
	// within the same first word, with their normal form.
	qualifierPhrases = []struct {
		words []string
		norm  string
	}{
		{[]string{"no", "fewer", "than"}, "no fewer than"},
		{[]string{"no", "less", "than"}, "no less than"},
		{[]string{"in", "excess", "of"}, "more than"},
		{[]string{"slightly", "more", "than"}, "more than"},
		{[]string{"a", "little", "over"}, "over"},
		{[]string{"as", "many", "as"}, "as many as"},
		{[]string{"a", "minimum", "of"}, "at least"},
		{[]string{"a", "maximum", "of"}, "up to"},
		{[]string{"more", "than"}, "more than"},
		{[]string{"more", "then"}, "more than"},
		{[]string{"fewer", "than"}, "fewer than"},
		{[]string{"less", "than"}, "fewer than"},
		{[]string{"less", "then"}, "fewer than"},
		{[]string{"at", "least"}, "at least"},
		{[]string{"at", "most"}, "at most"},
		{[]string{"up", "to"}, "up to"},
		{[]string{"close", "to"}, "nearly"},
		{[]string{"upwards", "of"}, "more than"},
		{[]string{"an", "estimated"}, "an estimated"},
		{[]string{"just", "over"}, "over"},
		{[]string{"well", "over"}, "over"},
		{[]string{"just", "under"}, "under"},
		{[]string{"over"}, "over"},
		{[]string{"above"}, "more than"},
		{[]string{"nearly"}, "nearly"},
		{[]string{"almost"}, "almost"},
		{[]string{"some"}, "some"},
		{[]string{"about"}, "about"},
		{[]string{"around"}, "around"},
		{[]string{"roughly"}, "roughly"},
		{[]string{"approximately"}, "approximately"},
		{[]string{"approx"}, "approximately"},
		{[]string{"estimated"}, "an estimated"},
		{[]string{"under"}, "under"},
		{[]string{"nigh"}, "nearly"},
	}

	// peopleNouns are nouns that count people.
	peopleNouns = text.NewSet("people persons person individuals civilians civilian children child kids babies infants " +
		"minors teenagers teens boys girls women woman men man soldiers soldier troops fighters fighter " +
		"militants militant combatants insurgents rebels gunmen gunman militiamen jihadists loyalists members " +
		"member personnel officers officer policemen police guards guard protesters protestors demonstrators " +
		"residents villagers inhabitants citizens nationals refugees migrants journalists reporters " +
		"workers doctors nurses medics paramedics patients students pupils teachers worshippers worshipers " +
		"pilgrims passengers prisoners detainees inmates hostages captives victims relatives families staff " +
		"employees officials volunteers farmers fishermen shepherds tourists recruits conscripts servicemen " +
		"sailors airmen marines commanders leaders suspects opponents supporters activists elderly others " +
		"adults youths defectors deserters mercenaries attackers assailants bystanders " +
		"peacekeepers contractors firefighters rescuers aid volunteers worshippers clerics priests monks " +
		"settlers shoppers pedestrians motorists drivers crew crewmembers pensioners believers persons")

	// personSuffixes mark plural nouns of people not in the list.
	personSuffixes = []string{"ians", "ists", "ites", "ists'", "men"}

	// thingNouns are things, never people: a number counting them is no
	// casualty figure.
	thingNouns = text.NewSet("drones tanks vehicles cars trucks villages towns cities homes houses buildings rockets " +
		"missiles shells bombs mortars weapons rifles guns aircraft jets planes helicopters provinces districts " +
		"countries checkpoints positions sites schools hospitals mosques churches shops stores bridges roads " +
		"miles kilometres kilometers meters metres acres tons tonnes dollars euros pounds liras lira points " +
		"votes seats cases incidents attacks strikes raids airstrikes clashes violations reports statements " +
		"videos images photos documents files pages articles tweets posts hours minutes seconds")

	// phraseStops are words that end a noun phrase: verbs of being and having,
	// prepositions, conjunctions, determiners and adverbs.
	phraseStops = text.NewSet("and or but nor were was are is am be been being have has had having will would could " +
		"should may might must can shall do does did remain remained remains in on at across near inside " +
		"outside during after before since from to by for of over with including among as so more others " +
		"other last this that these those overnight yesterday today tonight when while who whom whose which " +
		"where reportedly also all both each according amid than then there the a an its their his her our " +
		"your my it they he she we you them him us not never no only just about around still now already " +
		"in into onto upon toward towards against between within without through throughout under below " +
		"above because though although if whether whereas until unless")

	// aux are the words allowed between a counted noun phrase and its
	// casualty verb: "1,300 people have reportedly been killed".
	aux = text.NewSet("have has had been being be were was are is will would may might could should must " +
		"reportedly reported allegedly also now so far since already all both confirmed believed thought " +
		"feared said to later subsequently still apparently initially then just mostly mainly who that " +
		"themselves previously likely presumed known either originally officially recently listed registered " +
		"estimated understood considered declared pronounced found left either each altogether together " +
		"overall total remain remained remains")

	// links are the words that link a toll to its number: "the death toll
	// has risen on Sunday to", "a toll of", "put the toll at".
	links = text.NewSet("rose risen rise rises rising climbed climb climbs climbing reached reach reaches reaching hit " +
		"hits stood stands stand standing is was has had have now at to of increased increase increases jumped " +
		"soared passed surpassed exceeded topped neared nears approached grew grown numbered numbers totalled " +
		"totaled totals total further sharply already since on by overnight been mounted officially so far then " +
		"again bringing brought raising raised taking took pushing pushed updated revised its their overall " +
		"official latest new final stand stood sunday monday tuesday wednesday thursday friday saturday " +
		"yesterday today the a reportedly climbed jumped reaching higher lower even still")

	// changeWords say that a figure changed: "rose from 11 to 27".
	changeWords = text.NewSet("rose risen rise rises rising climbed climb climbs climbing increased increase increases " +
		"jumped jump soared grew grown up revised raised")

	// comparatives compare a toll with another: "puts the toll higher,
	// at 35".
	comparatives = text.NewSet("higher lower")

	// tollNouns name a tally of casualties: "death toll", "tally".
	tollNouns = text.NewSet("toll tolls tally count")

	// transitive are casualty verbs whose object is the count: "killing
	// 12 people", "wounded 14", "detained dozens".
	transitive = text.NewSet("kill kills killed killing wound wounds wounded wounding injure injures injured injuring " +
		"rescue rescues rescued rescuing " +
		"arrest arrests arrested arresting detain detains detained detaining execute executes executed " +
		"executing displace displaces displaced displacing evacuate evacuates evacuated evacuating abduct " +
		"abducts abducted abducting kidnap kidnaps kidnapped kidnapping capture captures captured capturing " +
		"murder murders murdered murdering massacre massacred massacring slaughter slaughtered slaughtering " +
		"claimed")

	// ofNouns take the count after "of": "the deaths of 50 people".
	ofNouns = text.NewSet("deaths death killing killings lives bodies execution executions arrest arrests detention " +
		"detentions displacement evacuation abduction abductions disappearance disappearances massacre " +
		"murder murders")

	// subsetBefore introduce a part of a count given before: "of whom",
	// "including".
	subsetBefore = [][]string{
		{"of", "whom"}, {"of", "them"}, {"of", "those"}, {"of", "which"}, {"among", "them"}, {"among", "whom"},
		{"among", "those"}, {"including"}, {"included"}, {"includes"}, {"include"},
	}

	// unitsAfter are words after a number that make it no count of
	// people: durations, percentages, distances, money, times.
	unitsAfter = text.NewSet("percent per % years year months month weeks week days day hours hour minutes minute " +
		"seconds decades decade centuries century km kilometres kilometers kilometre kilometer miles mile " +
		"metres meters metre meter feet foot yards kg kilograms tons tonnes times am pm a.m p.m gmt utc " +
		"dollars dollar euros euro pounds pound lira liras usd bn b mn m st nd rd th-century degrees " +
		"o'clock x")

	// labelWords are words before a number that make it a label: "Resolution
	// 2254", "Route 5".
	labelWords = text.NewSet("article resolution no no. number page route highway chapter section flight room unit " +
		"brigade division battalion regiment squad phase level grade class category cell block building gate " +
		"floor row platform term version season episode part volume act paragraph item aged age ages " +
		"$ £ € us$ usd eur gbp")

	// tollVerbs attribute a toll to their subject: "X put the toll at".
	tollVerbs = text.NewSet("put puts gave gives released releases published publishes issued")

	// pronouns stand for a source named before.
	pronouns = text.NewSet("it he she they we which who i")

	// placeIntroducers introduce a place.
	placeIntroducers = text.NewSet("in across near outside inside throughout around")

	// geoNouns are common nouns of places: "the coastal region".
	geoNouns = text.NewSet("region regions province provinces coast coastline countryside city cities town towns " +
		"village villages area areas district districts governorate governorates neighbourhood neighborhoods " +
		"neighborhood neighbourhoods capital north south east west northwest northeast southwest southeast " +
		"heartland border strip suburbs suburb camp camps enclave valley mountains port")

	// orgWords mark a capitalised name as an organisation, not a place.
	orgWords = text.NewSet("observatory network council ministry institute forces army division committee agency " +
		"organization organisation group front party news press times post court office department commission " +
		"brigade movement coalition union university hospital center centre foundation association " +
		"mr mrs ms dr gen president minister watch amnesty reuters")

	// genericHeads are nouns that stand for a source named before: "the
	// monitor said" after "the Syrian Observatory, a war monitor".
	genericHeads = text.NewSet("monitor group organisation organization watchdog network observatory body agency ngo " +
		"charity institute center centre monitoring")
)

// ---------------------------------------------------------------------
// Counts.

// parsedCount is a number read from the tokens.
type parsedCount struct {
	value int
	start int // first token of the number
	end   int // token after the number
	vague bool
	text  string
}

// parseCount reads the number starting at token i: digits ("1,300",
// "1.5 million", "1,000-1,500"), words ("seven", "twenty-three", "a
// dozen", "two hundred") or vague plurals ("dozens", "tens of thousands").
// A vague plural followed by "of" swallows the "of": "hundreds of people".
func parseCount(txt string, toks []text.Token, i int) (parsedCount, bool) {
	t := &toks[i]
	c := parsedCount{start: i}
	switch {
	case t.Kind == text.Number:
		v, ok := parseDigits(t.Text)
		if !ok {
			return c, false
		}
		j := i + 1
		if j < len(toks) && toks[j].Kind == text.Word {
			if s, ok := scaleWords[toks[j].Lower]; ok && s >= 1000 {
				v *= float64(s)
				j++
			}
		}
		if v != float64(int(v)) || v < 0 || v > 1e10 {
			return c, false
		}
		c.value, c.end = int(v), j
		// A change: "rose from 11 to 27" counts 27, read from its own
		// number; "anywhere from 200 to 300" is a range.
		if i > 1 && toks[i-1].Lower == "from" && changeWords[toks[i-2].Lower] && j+1 < len(toks) && toks[j].Lower == "to" && toks[j+1].Kind == text.Number {
			return c, false
		}
		// A range: "1,000-1,500", "1,000 to 1,500", "between 1,000 and 1,500".
		if j+1 < len(toks) && toks[j+1].Kind == text.Number && (toks[j].Text == "-" || toks[j].Text == "–" || toks[j].Lower == "to" ||
			toks[j].Lower == "and" && i > 0 && toks[i-1].Lower == "between") {
			if _, ok := parseDigits(toks[j+1].Text); ok {
				c.end = j + 2
				if c.end < len(toks) && toks[c.end].Kind == text.Word && scaleWords[toks[c.end].Lower] >= 1000 {
					c.end++
				}
			}
		}
	case t.Kind == text.Word:
		if !numberWord(t.Lower) {
			return c, false
		}
		j := i
		low := t.Lower
		switch {
		case low == "tens" || low == "hundreds":
			// "tens of thousands" → 20,000, "hundreds of thousands" → 200,000.
			if j+2 < len(toks) && toks[j+1].Lower == "of" && (toks[j+2].Lower == "thousands" || toks[j+2].Lower == "millions") {
				mult := 20
				if low == "hundreds" {
					mult = 200
				}
				c.value, j, c.vague = mult*scaleWords[strings.TrimSuffix(toks[j+2].Lower, "s")], j+3, true
			} else if low == "hundreds" {
				c.value, j, c.vague = 200, j+1, true
			} else {
				return c, false
			}
		case vagueNumbers[low] > 0:
			c.value, j, c.vague = vagueNumbers[low], j+1, true
		case (low == "a" || low == "an") && j+1 < len(toks):
			switch toks[j+1].Lower {
			case "dozen":
				c.value, j = 12, j+2
			case "hundred", "thousand", "million":
				c.value, j = scaleWords[toks[j+1].Lower], j+2
			default:
				return c, false
			}
		case (low == "several" || low == "few") && j+1 < len(toks):
			k := j + 1
			mult := 3
			switch toks[k].Lower {
			case "dozen":
				c.value = 36
			case "hundred":
				c.value = mult * 100
			case "thousand":
				c.value = mult * 1000
			default:
				return c, false
			}
			j, c.vague = k+1, true
		case low == "half" && j+2 < len(toks) && toks[j+1].Lower == "a" && toks[j+2].Lower == "dozen":
			c.value, j = 6, j+3
		default:
			v, n := readCardinal(toks, j)
			if n == 0 {
				return c, false
			}
			c.value, j = v, j+n
			if j < len(toks) && toks[j].Lower == "dozen" {
				c.value *= 12
				j++
			}
		}
		c.end = j
		if c.vague && j+1 < len(toks) && toks[j].Lower == "of" && toks[j+1].Kind == text.Word && !subsetWord(toks[j+1].Lower) {
			c.end = j + 1
		}
	default:
		return c, false
	}
	if c.end <= c.start {
		return c, false
	}
	last := c.end - 1
	if c.vague && toks[last].Lower == "of" {
		last--
	}
	c.text = txt[toks[c.start].Start:toks[last].PossEnd]
	return c, true
}

// subsetWord reports words after "of" that make a subset: "of them".
func subsetWord(w string) bool { return w == "them" || w == "whom" || w == "those" || w == "which" }

// numberStart is a cheap first test for numberWord: the first letters
// of number words.
func numberStart(w string) bool {
	switch w[0] {
	case 'a', 'd', 'e', 'f', 'h', 'n', 'o', 's', 't', 'z':
		return true
	}
	return false
}

// numberWord reports whether w can start a number written in words.
func numberWord(w string) bool {
	if _, ok := unitWords[w]; ok {
		return true
	}
	if _, ok := tensWords[w]; ok {
		return true
	}
	if vagueNumbers[w] > 0 {
		return true
	}
	switch w {
	case "a", "an", "tens", "several", "few", "half":
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		_, ok := tensWords[w[:i]]
		return ok
	}
	return false
}

// readCardinal reads a cardinal written in words from token i: "seven",
// "twenty-three", "twenty three", "two hundred and fifty", "three
// thousand". It returns the value and the number of tokens read.
func readCardinal(toks []text.Token, i int) (int, int) {
	total, current, n := 0, 0, 0
	seen := false
	for j := i; j < len(toks) && j < i+8; j++ {
		w := toks[j].Lower
		if toks[j].Kind != text.Word {
			break
		}
		if v, ok := unitWords[w]; ok {
			if seen && current%10 != 0 || seen && current%100 != 0 && v >= 10 {
				break
			}
			current += v
		} else if v, ok := tensWords[w]; ok {
			if seen && current%100 != 0 {
				break
			}
			current += v
		} else if h := strings.IndexByte(w, '-'); h > 0 && tensWords[w[:h]] > 0 && unitWords[w[h+1:]] > 0 && unitWords[w[h+1:]] < 10 {
			if seen && current%100 != 0 {
				break
			}
			current += tensWords[w[:h]] + unitWords[w[h+1:]]
		} else if s, ok := scaleWords[w]; ok && seen {
			if s == 100 {
				current *= 100
			} else {
				total += current * s
				current = 0
			}
		} else if w == "and" && seen && j+1 < len(toks) && (unitWords[toks[j+1].Lower] > 0 || tensWords[toks[j+1].Lower] > 0 ||
			strings.IndexByte(toks[j+1].Lower, '-') > 0 && tensWords[toks[j+1].Lower[:strings.IndexByte(toks[j+1].Lower, '-')]] > 0) &&
			j > i && scaleWords[toks[j-1].Lower] > 0 {
			n = j - i + 1
			continue
		} else {
			break
		}
		seen = true
		n = j - i + 1
	}
	if !seen {
		return 0, 0
	}
	return total + current, n
}

// parseDigits reads a number in digits: "1,300", "125", "1.5", "1.300.000".
func parseDigits(s string) (float64, bool) {
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ",", "")
	} else if strings.Count(s, ".") > 1 {
		s = strings.ReplaceAll(s, ".", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// ---------------------------------------------------------------------
// Figures in a sentence.

// foundFigure is a figure found in a sentence, before its source and date
// are resolved.
type foundFigure struct {
	corpus.Figure
	num  int  // token index of the number in the sentence
	toll bool // given as a toll: "the death toll rose to 1,500"
}

var (
	beForms   = text.NewSet("were was are is been be being")
	quantMods = text.NewSet("other more additional further another some")
	// ofHeads take an "of" complement in the counted group: "members of
	// the security forces".
	ofHeads = text.NewSet("members member supporters relatives families employees staff units elements residents " +
		"fighters officers personnel students citizens")
	// nounKinds are casualty words that may directly follow a number:
	// "40 wounded", "1,383 deaths", "23 dead".
	nounKinds = text.NewSet("killed dead deaths fatalities casualties wounded injured injuries missing displaced " +
		"executions arrests arrested detained bodies executed slain hurt survivors rescued")
	// predicates are the casualty verbs and adjectives that end a
	// counted group's predicate: "… have died", "… were killed".
	predicates = text.NewSet("killed dead died die slain perished drowned electrocuted suffocated murdered massacred slaughtered executed wounded " +
		"injured hurt missing disappeared abducted kidnapped displaced fled evacuated homeless uprooted " +
		"arrested detained captured jailed imprisoned dying rescued")
	// cueSkip are words between a source and its reporting verb: "the
	// observatory has also said", "the ministry on Sunday said".
	cueSkip = text.NewSet("has had have also later previously earlier separately again on late early then first " +
		"initially now last night morning afternoon evening yesterday today would will could may had " +
		"sunday monday tuesday wednesday thursday friday saturday subsequently since further")
	// subjectStops end a source read backwards from its verb.
	subjectStops = text.NewSet("that and but while as because after when amid with although though where so if " +
		"than whereas before until since whom said says told reported")
	// titleWords are titles dropped from a source name.
	titleWords = text.NewSet("mr mrs ms dr gen president prime minister col lt maj capt sheikh")
	// nameJoin are lower-case words inside a capitalised name: "Syrian
	// Observatory for Human Rights".
	nameJoin = text.NewSet("for of the and on de du la al el bin ibn")
)

// findFigures finds the figures of one sentence. prevKind is the kind of
// the figure before it in the paragraph, inherited by a part of a count
// ("of whom 973 were civilians").
func findFigures(txt string, toks []text.Token, prevKind string) []foundFigure {
	var out []foundFigure
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != text.Number && (t.Kind != text.Word || !numberStart(t.Lower) || !numberWord(t.Lower)) {
			continue
		}
		c, ok := parseCount(txt, toks, i)
		if !ok {
			continue
		}
		if notACount(toks, c) {
			i = c.end - 1
			continue
		}
		f, ok := readFigure(txt, toks, c, prevKind)
		if !ok {
			if t.Kind == text.Number {
				i = c.end - 1
			}
			continue
		}
		out = append(out, f)
		prevKind = f.What
		i = c.end - 1
	}
	return out
}

// notACount reports numbers that count no people: years, percentages,
// durations, ages, dates, times, money, labels ("Resolution 2254").
func notACount(toks []text.Token, c parsedCount) bool {
	first := &toks[c.start]
	if c.end < len(toks) {
		n := &toks[c.end]
		if unitsAfter[n.Lower] || n.Text == "%" {
			return true
		}
		if (n.Text == "-" || n.Text == "‐" || n.Text == "–") && c.end+1 < len(toks) && toks[c.end+1].Kind == text.Word {
			w := toks[c.end+1].Lower
			for _, u := range []string{"year", "month", "week", "day", "hour", "minute", "mile", "kilomet", "storey", "story", "member", "point", "page"} {
				if strings.HasPrefix(w, u) {
					return true
				}
			}
		}
		if n.Text == ":" || n.Text == "/" {
			return true
		}
		if n.Kind == text.Word && n.Upper && text.Months[strings.TrimSuffix(n.Lower, ".")] {
			return true
		}
		if first.Lower == "one" && (n.Lower == "of" || n.Lower == "another") {
			return true
		}
	}
	if c.start > 0 {
		p := &toks[c.start-1]
		if labelWords[p.Lower] || p.Text == "#" || p.Text == "/" {
			return true
		}
		if p.Kind == text.Word && p.Upper && text.Months[strings.TrimSuffix(p.Lower, ".")] {
			return true
		}
		if first.Kind == text.Word && (first.Lower == "one" || first.Lower == "a" || first.Lower == "an") {
			switch p.Lower {
			case "the", "this", "that", "any", "each", "every", "no", "which", "only", "last":
				return true
			}
		}
		if p.Text == "." && c.start > 1 && toks[c.start-2].Kind == text.Number {
			return true
		}
	}
	if first.Kind == text.Number && len(first.Text) == 4 && !strings.ContainsAny(first.Text, ",.") {
		if y, _ := strconv.Atoi(first.Text); y >= 1800 && y <= 2100 {
			if c.end >= len(toks) || c.end > c.start+1 || !peopleNouns[toks[c.end].Lower] {
				return true
			}
		}
	}
	return false
}

// readFigure reads the counted group and the casualty kind around a
// count; ok is false when the number counts no casualties.
func readFigure(txt string, toks []text.Token, c parsedCount, prevKind string) (foundFigure, bool) {
	q, qs := readQualifier(toks, c.start)
	f := foundFigure{num: c.start}
	f.Count, f.CountText, f.Qualifier = c.value, c.text, q
	who, after, nounKind, thing := whoCounted(txt, toks, c.end)
	if thing {
		return f, false
	}
	f.Who = who
	switch {
	case nounKind != "":
		f.What = nounKind
	default:
		if k, ok := objectOf(toks, qs, after); ok {
			f.What = k
			break
		}
		if k := amongGroup(toks, qs); k != "" {
			f.What = k
			break
		}
		if k := tollOf(toks, qs); k != "" {
			f.What, f.toll = k, true
			break
		}
		if sub, subWho, end := readSubset(txt, toks, qs, c.end); sub {
			if subWho != "" {
				f.Who = subWho
			}
			if f.What = readPredicate(txt, toks, end); f.What == "" {
				f.What = prevKind
			}
			break
		}
		f.What = readPredicate(txt, toks, after)
	}
	if f.What == "" && qs > 0 && foundVerbs[toks[qs-1].Lower] &&
		slices.ContainsFunc(toks[c.end:min(c.end+5, len(toks))], func(t text.Token) bool { return t.Lower == "alive" }) {
		f.What = corpus.KindRescued // "pulled nine people out alive"
	}
	if f.What == corpus.KindRescued && !slices.ContainsFunc(toks, func(t text.Token) bool { return rescueWords[t.Lower] }) {
		return f, false // "two survivors described the collapse": no rescue counted
	}
	return f, f.What != ""
}

// foundVerbs take a count of people found alive: "pulled nine people out
// alive", "found two children alive".
var foundVerbs = text.NewSet("pulled found brought dug freed")

// rescueWords say that people were saved: a count of survivors is a
// count of people rescued only with one of them.
var rescueWords = text.NewSet("rescued rescue rescues rescuing pulled freed saved recovered found evacuated alive")

// readQualifier reads the qualifier before token i ("more than", "nearly");
// it returns the normal form and the index of its first token (i when
// there is none). A stray word inside "more … than" is forgiven: "more
// that than 1,300".
func readQualifier(toks []text.Token, i int) (string, int) {
	for _, q := range qualifierPhrases {
		n := len(q.words)
		if i-n < 0 {
			continue
		}
		match := true
		for k, w := range q.words {
			if toks[i-n+k].Lower != w {
				match = false
				break
			}
		}
		if match {
			return q.norm, i - n
		}
	}
	if i >= 3 && toks[i-1].Lower == "than" && toks[i-2].Kind == text.Word && len(toks[i-2].Lower) <= 5 {
		switch toks[i-3].Lower {
		case "more":
			return "more than", i - 3
		case "fewer", "less":
			return "fewer than", i - 3
		}
	}
	return "", i
}

// isPeople reports whether a word names people: "civilians",
// "gunmen", "Alawites".
func isPeople(t *text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	if peopleNouns[t.Lower] {
		return true
	}
	if thingNouns[t.Lower] || orgWords[t.Lower] || phraseStops[t.Lower] {
		return false
	}
	if t.Upper {
		// "Alawites", "Kurds", "Palestinians": a capitalised plural.
		return len(t.Lower) > 3 && strings.HasSuffix(t.Lower, "s") && !sPossessive(*t) &&
			!text.Weekdays[t.Lower] && !text.Months[t.Lower]
	}
	for _, suf := range personSuffixes {
		if strings.HasSuffix(t.Lower, suf) && len(t.Lower) > len(suf)+2 {
			return true
		}
	}
	return false
}

// whoCounted reads the counted group after a number: "people", "Alawite
// civilians", "members of the security forces". It returns the group
// ("" when the number stands alone: "killing 12"), the token after it, the
// casualty kind when a casualty word follows the number directly ("40
// wounded", "1,383 deaths"), and thing when the number counts things
// ("12 drones").
func whoCounted(txt string, toks []text.Token, j int) (who string, end int, kind string, thing bool) {
	if j >= len(toks) {
		return "", j, "", false
	}
	// "two of the refugees had died": the group after "of the".
	if j+2 < len(toks) && toks[j].Lower == "of" && (toks[j+1].Lower == "the" || toks[j+1].Lower == "those") && isPeople(&toks[j+2]) {
		j += 2
	}
	t := &toks[j]
	if t.Kind == text.Word && nounKinds[t.Lower] {
		return "", j + 1, text.CasualtyKinds[t.Lower], false
	}
	// "27 associated deaths", "12 confirmed fatalities", "3 new injuries".
	if t.Kind == text.Word && countAdjectives[t.Lower] && j+1 < len(toks) && toks[j+1].Kind == text.Word && nounKinds[toks[j+1].Lower] {
		return "", j + 2, text.CasualtyKinds[toks[j+1].Lower], false
	}
	head := -1
	for k := j; k < len(toks) && k < j+4; k++ {
		w := &toks[k]
		if w.Kind != text.Word {
			break
		}
		if isPeople(w) {
			head = k
			continue
		}
		if head >= 0 || phraseStops[w.Lower] || text.CasualtyKinds[w.Lower] != "" {
			break
		}
		if thingNouns[w.Lower] {
			return "", j, "", true
		}
	}
	if head < 0 {
		if t.Lower == "more" || t.Lower == "others" || t.Lower == "other" {
			return "", j + 1, "", false // "45 more had died"
		}
		if t.Kind == text.Word && !phraseStops[t.Lower] && text.CasualtyKinds[t.Lower] == "" && !text.Weekdays[t.Lower] &&
			!aux[t.Lower] && !text.Months[t.Lower] {
			return "", j, "", true // "13 villages", "five decades"
		}
		return "", j, "", false
	}
	start := j
	for start < head && quantMods[toks[start].Lower] {
		start++
	}
	end = head + 1
	if ofHeads[toks[head].Lower] && end+1 < len(toks) && toks[end].Lower == "of" {
		k := end + 1
		if toks[k].Lower == "the" || toks[k].Lower == "a" {
			k++
		}
		last := -1
		for ; k < len(toks) && k < end+6; k++ {
			w := &toks[k]
			if w.Kind != text.Word || phraseStops[w.Lower] || text.CasualtyKinds[w.Lower] != "" || aux[w.Lower] {
				break
			}
			last = k
		}
		if last >= 0 {
			end = last + 1
		}
	}
	if start == head && (toks[head].Lower == "others" || toks[head].Lower == "victims") && end == head+1 {
		return "", end, "", false
	}
	return txt[toks[start].Start:toks[end-1].PossEnd], end, "", false
}

// objectOf reads a count that is the object of a casualty verb or noun:
// "killing at least 12 people", "had killed some 125 civilians", "left 23
// dead", "forced 3,000 to flee", "the deaths of 50 people". qs is the first
// token of the count with its qualifier; after is the token after the
// counted group.
func objectOf(toks []text.Token, qs, after int) (string, bool) {
	p := qs - 1
	if p < 0 {
		return "", false
	}
	w := toks[p].Lower
	switch {
	case w == "left":
		if after < len(toks) {
			if k := text.CasualtyKinds[toks[after].Lower]; k != "" && predicates[toks[after].Lower] {
				return k, true
			}
		}
	case w == "forced":
		if after+1 < len(toks) && (toks[after].Lower == "to" && (toks[after+1].Lower == "flee" || toks[after+1].Lower == "leave") ||
			toks[after].Lower == "from" || toks[after].Lower == "out") {
			return corpus.KindDisplaced, true
		}
	case w == "of" && p > 0 && ofNouns[toks[p-1].Lower]:
		if toks[p-1].Lower == "lives" || toks[p-1].Lower == "bodies" {
			return corpus.KindKilled, true
		}
		if p > 1 && toks[p-2].Lower == "summary" {
			return corpus.KindExecuted, true
		}
		return text.CasualtyKinds[toks[p-1].Lower], true
	case transitive[w] && w != "claimed":
		if p > 0 && toks[p-1].Lower == "summarily" {
			return corpus.KindExecuted, true
		}
		return text.CasualtyKinds[w], true
	}
	return "", false
}

// amongGroup reads "among the dead were 1,000 civilians", "those killed
// included 12 children".
func amongGroup(toks []text.Token, qs int) string {
	p := qs - 1
	if p < 0 {
		return ""
	}
	included := false
	switch toks[p].Lower {
	case "were", "was", "are", "is":
		p--
	case "included", "include", "includes":
		included = true
		p--
	}
	if p < 0 {
		return ""
	}
	k := text.CasualtyKinds[toks[p].Lower]
	if k == "" {
		return ""
	}
	q := p - 1
	if q >= 0 && (toks[q].Lower == "the" || toks[q].Lower == "those") {
		if included {
			return k
		}
		q--
	}
	if q >= 0 && toks[q].Lower == "among" {
		return k
	}
	return ""
}

// tollOf reads a count given as a toll: "the death toll rose to 1,500",
// "the toll has climbed to 745", "a death toll of 1,383", "the number of
// people killed has risen to 200", "put the toll at 1,000".
func tollOf(toks []text.Token, qs int) string {
	for p, steps := qs-1, 0; p >= 0 && steps < 9; p, steps = p-1, steps+1 {
		t := &toks[p]
		if t.Kind != text.Word {
			switch {
			case t.Kind == text.Number && p > 0 && toks[p-1].Lower == "from" && p+1 < len(toks) && toks[p+1].Lower == "to":
				p-- // "the toll rose from 11 to": the old figure, and "from"
				continue
			case t.Text == "," && p > 0 && comparatives[toks[p-1].Lower]:
				continue // "puts the toll higher, at"
			}
			return ""
		}
		if tollNouns[t.Lower] {
			if p > 0 {
				switch k := text.CasualtyKinds[toks[p-1].Lower]; k {
				case "", corpus.KindKilled:
				default:
					return k // "arrest tally", "injury toll"
				}
			}
			if t.Lower == "count" && steps == 0 {
				return ""
			}
			return corpus.KindKilled
		}
		if k := text.CasualtyKinds[t.Lower]; k != "" && steps > 0 {
			for q := p - 1; q >= 0 && q >= p-4; q-- {
				switch toks[q].Lower {
				case "number", "total", "tally", "toll", "count":
					return k
				}
			}
			if p == 0 || toks[p-1].Lower == "the" || toks[p-1].Lower == "those" || toks[p-1].Text == "," {
				// "The dead numbered 40", "Deaths rose to 27".
				switch toks[p+1].Lower {
				case "numbered", "number", "totalled", "totaled", "stood", "reached", "rose", "climbed", "now",
					"have", "has", "increased", "jumped", "grew", "soared", "mounted":
					return k
				}
			}
			return ""
		}
		if !links[t.Lower] {
			return tollBefore(toks, p)
		}
	}
	return ""
}

// tollBefore reads a toll whose noun stands before a phrase ending at
// token p: "the death toll in the war has risen to", "the toll from the
// earthquake climbed to", "the number of people killed in El Fasher since
// the offensive began rose to".
func tollBefore(toks []text.Token, p int) string {
	for q := p - 1; q >= 0 && q >= p-12; q-- {
		if toks[q].Kind != text.Word && toks[q].Kind != text.Number {
			return ""
		}
		if tollNouns[toks[q].Lower] && q+1 <= p && tollPrepositions[toks[q+1].Lower] {
			if q > 0 {
				if k := text.CasualtyKinds[toks[q-1].Lower]; k != "" && k != corpus.KindKilled {
					return k
				}
			}
			return corpus.KindKilled
		}
		if k := text.CasualtyKinds[toks[q].Lower]; k != "" {
			for r := q - 1; r >= 0 && r >= q-4 && toks[r].Kind == text.Word; r-- {
				switch toks[r].Lower {
				case "number", "total", "tally", "count":
					return k
				}
			}
		}
	}
	return ""
}

// countAdjectives may stand between a count and a casualty noun.
var countAdjectives = text.NewSet("associated confirmed suspected reported recorded documented additional new further related total civilian")

// tollPrepositions open the phrase that may follow a toll noun.
var tollPrepositions = text.NewSet("in from of on since among across for after")

// readSubset reads a count that is part of one given before: "of whom 973
// were civilians", "including three children", "among them 12 women",
// "973 of them civilians". It returns the counted group and the token
// after it.
func readSubset(txt string, toks []text.Token, qs, cend int) (bool, string, int) {
	p := qs - 1
	if p >= 0 && beForms[toks[p].Lower] {
		p--
	}
	if p >= 0 && toks[p].Text == "," {
		p--
	}
	before := false
	for _, seq := range subsetBefore {
		n := len(seq)
		if p-n+1 < 0 {
			continue
		}
		match := true
		for k, w := range seq {
			if toks[p-n+1+k].Lower != w {
				match = false
				break
			}
		}
		if match {
			before = true
			break
		}
	}
	j := cend
	after := j+1 < len(toks) && toks[j].Lower == "of" && subsetWord(toks[j+1].Lower)
	if after {
		j += 2
	}
	if !before && !after {
		return false, "", cend
	}
	if j < len(toks) && beForms[toks[j].Lower] {
		if who, end, _, thing := whoCounted(txt, toks, j+1); who != "" && !thing {
			return true, who, end
		}
	}
	who, end, _, _ := whoCounted(txt, toks, j)
	return true, who, end
}

// readPredicate reads the casualty predicate after a counted group: "have
// died", "had been killed", "were among the dead", "lost their lives",
// "remain missing", ", including three children, were killed". It returns
// the kind, or "" when the words after the group say nothing of
// casualties.
func readPredicate(txt string, toks []text.Token, j int) string {
	k := skipAside(toks, j)
	// A count joined on: "3 soldiers and 2 civilians were killed".
	for k+1 < len(toks) && (toks[k].Lower == "and" || toks[k].Text == ",") && startsCount(toks, k+1) {
		c, ok := parseCount(txt, toks, k+1)
		if !ok {
			break
		}
		_, end, kind, thing := whoCounted(txt, toks, c.end)
		if thing || kind != "" {
			break
		}
		k = end
	}
	// A place: "1,000 people in Latakia were killed".
	if k < len(toks) && (placeIntroducers[toks[k].Lower] || toks[k].Lower == "from") {
		m := k + 1
		for m < len(toks) && m < k+6 && toks[m].Kind == text.Word && !beForms[toks[m].Lower] && text.CasualtyKinds[toks[m].Lower] == "" &&
			toks[m].Lower != "have" && toks[m].Lower != "has" && toks[m].Lower != "had" {
			m++
		}
		if m < len(toks) && (beForms[toks[m].Lower] || toks[m].Lower == "have" || toks[m].Lower == "has" || toks[m].Lower == "had" || predicates[toks[m].Lower]) {
			k = m
		}
	}
	for steps := 0; k < len(toks) && steps < 9; k, steps = k+1, steps+1 {
		t := &toks[k]
		if t.Kind != text.Word {
			return ""
		}
		low := t.Lower
		if low == "not" || low == "never" || low == "no" || strings.HasSuffix(low, "n't") {
			return ""
		}
		if kind := phraseAt(toks, k); kind != "" {
			return kind
		}
		if low == "among" {
			for m := k + 1; m < len(toks) && m <= k+3; m++ {
				if kind := text.CasualtyKinds[toks[m].Lower]; kind != "" {
					return kind
				}
				if toks[m].Lower != "the" && toks[m].Lower != "those" {
					break
				}
			}
			return ""
		}
		if predicates[low] {
			return text.CasualtyKinds[low]
		}
		if !aux[low] {
			return ""
		}
	}
	return ""
}

// skipAside skips a parenthetical after a counted group when a predicate
// follows it: "12 people, including three children, were killed".
func skipAside(toks []text.Token, j int) int {
	if j >= len(toks) {
		return j
	}
	open := toks[j].Text
	var closer string
	switch open {
	case ",":
		closer = ","
	case "(":
		closer = ")"
	case "—", "–":
		closer = open
	default:
		return j
	}
	for m := j + 1; m < len(toks) && m < j+16; m++ {
		if toks[m].Text == closer {
			if m+1 < len(toks) && (aux[toks[m+1].Lower] || predicates[toks[m+1].Lower]) {
				return m + 1
			}
			return j
		}
		if toks[m].Text == ";" || toks[m].Text == "." {
			return j
		}
	}
	return j
}

// phraseAt reads a multi-word casualty phrase at token k: "lost their
// lives", "taken into custody", "shot dead".
func phraseAt(toks []text.Token, k int) string {
	if k+1 >= len(toks) {
		return ""
	}
	key := toks[k].Lower
	for n := 1; n < 4 && k+n < len(toks); n++ {
		key += " " + toks[k+n].Lower
		if kind, ok := text.CasualtyPhrases[key]; ok {
			return kind
		}
	}
	return ""
}

// ---------------------------------------------------------------------
// Places.

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
			if orgWords[w] || text.Weekdays[w] || text.Months[w] || titleWords[w] {
				return "", false
			}
		}
		name := txt[toks[j].Start:toks[e-1].PossEnd]
		for _, m := range mentions {
			if m.Kind != corpus.Place && (m.Text == name || m.Name == name) {
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
	for m < len(toks) && m < j+3 && toks[m].Kind == text.Word && !toks[m].Upper && !geoNouns[toks[m].Lower] && !phraseStops[toks[m].Lower] {
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

// ---------------------------------------------------------------------
// Sources.

// sourceCue is an attribution in a sentence: "according to X", "X said",
// "said X", "X, which had reported".
type sourceCue struct {
	verb       int // token of the reporting verb, or of "according"
	start, end int // tokens of the source
	after      bool
}

// findCues finds the attributions of a sentence.
func findCues(toks []text.Token) []sourceCue {
	var out []sourceCue
	for k := 0; k < len(toks); k++ {
		low := toks[k].Lower
		if (low == "according" && k+1 < len(toks) && toks[k+1].Lower == "to") || low == "citing" {
			s := k + 1
			if low == "according" {
				s = k + 2
			}
			e := nPEnd(toks, s)
			if e > s {
				out = append(out, sourceCue{verb: k, start: s, end: e, after: true})
			}
			continue
		}
		if !text.SpeechVerbs[low] && !text.CountVerbs[low] && !tollVerbs[low] || toks[k].Kind != text.Word {
			continue
		}
		if k > 0 && (beForms[toks[k-1].Lower] || toks[k-1].Lower == "an") {
			continue // "were reported killed", "an estimated 1,000"
		}
		if tollVerbs[low] {
			// "put the toll at", "gave a death toll of": a source only
			// before a toll.
			ok := false
			for m := k + 1; m < len(toks) && m <= k+4; m++ {
				if tollNouns[toks[m].Lower] || toks[m].Lower == "number" || toks[m].Lower == "figure" || toks[m].Lower == "figures" {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		if cue, ok := subjectCue(toks, k); ok {
			out = append(out, cue)
		}
	}
	return out
}

// nPEnd returns the end of a source written after "according to" or an
// inverted "said": up to a comma, a clause or a date.
func nPEnd(toks []text.Token, s int) int {
	e := s
	for e < len(toks) && e < s+14 {
		w := &toks[e]
		if w.Kind == text.Punct && w.Text != "-" && w.Text != "." && w.Text != "&" {
			break
		}
		if w.Text == "." && (e == s || !text.Abbreviation(toks[e-1].Lower)) {
			break
		}
		if e > s && (w.Lower == "which" || w.Lower == "who" || w.Lower == "that" || w.Lower == "on" || w.Lower == "in" ||
			w.Lower == "late" || w.Lower == "yesterday" || w.Lower == "as" || w.Lower == "and" && startsCount(toks, e+1)) {
			break
		}
		if w.Kind == text.Number {
			break
		}
		e++
		if sPossessive(*w) && e > s+1 {
			// "the observatory's figures": the source is the owner.
			break
		}
	}
	return e
}

// startsCount reports whether a count starts at token i: digits, a
// number word, or "a"/"an" before "dozen", "hundred", "thousand".
func startsCount(toks []text.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := &toks[i]
	switch {
	case t.Kind == text.Number:
		return true
	case t.Kind != text.Word:
		return false
	case t.Lower == "a" || t.Lower == "an" || t.Lower == "few" || t.Lower == "several" || t.Lower == "half":
		if i+1 < len(toks) {
			switch toks[i+1].Lower {
			case "dozen", "hundred", "thousand", "million", "a", "few":
				return true
			}
		}
		return false
	}
	return numberWord(t.Lower)
}

// subjectCue reads the source of a reporting verb at token k: the
// subject before it ("the observatory said"), past an appositive
// ("Anas Khattab, the head of …, said"), the antecedent of "which"
// ("the Syrian Network …, which had reported"), or the subject after an
// inverted verb ("…, said the observatory").
func subjectCue(toks []text.Token, k int) (sourceCue, bool) {
	p := k - 1
	for p >= 0 && toks[p].Kind == text.Word && cueSkip[toks[p].Lower] {
		p--
	}
	if p >= 0 && toks[p].Text == "," {
		// "X, the head of Y, said": the appositive, then the name.
		c2 := p - 1
		for c2 >= 0 && toks[c2].Text != "," && p-c2 < 14 {
			c2--
		}
		if c2 >= 0 && toks[c2].Text == "," {
			b, e := subjectBack(toks, c2-1)
			if e > b && hasCapital(toks[b:e]) {
				return sourceCue{verb: k, start: b, end: e}, true
			}
			if c2+1 < p {
				return sourceCue{verb: k, start: c2 + 1, end: p}, true
			}
		}
	}
	if p >= 1 && toks[p].Text == ")" {
		// "the Kenya National Commission on Human Rights (KNCHR) says": the
		// name before the bracketed acronym.
		open := p - 1
		for open >= 0 && toks[open].Text != "(" && p-open < 8 {
			open--
		}
		if open >= 1 && toks[open].Text == "(" {
			if b, e := subjectBack(toks, open-1); e > b && hasCapital(toks[b:e]) {
				return sourceCue{verb: k, start: b, end: e}, true
			}
		}
		return sourceCue{}, false
	}
	b, e := subjectBack(toks, p)
	if e > b {
		if e-b == 1 && (toks[b].Lower == "which" || toks[b].Lower == "who") && b >= 2 && toks[b-1].Text == "," {
			// "the Syrian Network for Human Rights, which had reported"
			b2, e2 := subjectBack(toks, b-2)
			if e2 > b2 {
				return sourceCue{verb: k, start: b2, end: e2}, true
			}
		}
		if contentWord(toks[b:e]) {
			return sourceCue{verb: k, start: b, end: e}, true
		}
	}
	// Inverted: "…,” said Rami Abdulrahman, the head of the observatory.
	if k > 0 && toks[k-1].Kind == text.Punct && k+1 < len(toks) {
		s := k + 1
		if e := nPEnd(toks, s); e > s && contentWord(toks[s:e]) {
			return sourceCue{verb: k, start: s, end: e, after: true}, true
		}
	}
	return sourceCue{}, false
}

// subjectBack reads a subject backwards from token p (inclusive) to a
// comma, a clause word or a number; it returns the token range.
func subjectBack(toks []text.Token, p int) (int, int) {
	e := p + 1
	b := p
	for b >= 0 && p-b < 10 {
		w := &toks[b]
		if w.Kind == text.Number || w.Kind == text.Punct && w.Text != "-" && w.Text != "." && w.Text != "&" || subjectStops[w.Lower] && w.Kind == text.Word {
			break
		}
		if w.Text == "." && (b == 0 || !text.Abbreviation(toks[b-1].Lower)) {
			break
		}
		b--
	}
	return b + 1, e
}

func hasCapital(toks []text.Token) bool {
	for i := range toks {
		if toks[i].Upper && !titleWords[toks[i].Lower] && i > 0 {
			return true
		}
		if toks[i].Upper && i == 0 && toks[i].Lower != "the" && toks[i].Lower != "a" && toks[i].Lower != "an" {
			return true
		}
	}
	return false
}

// contentWord reports whether a subject has a word other than a
// determiner: "the" alone is no source.
func contentWord(toks []text.Token) bool {
	for i := range toks {
		if toks[i].Kind == text.Word && (!phraseStops[toks[i].Lower] || pronouns[toks[i].Lower]) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------
// The article.

// figureReader holds what extraction learns about one article while it reads
// it paragraph by paragraph.
type figureReader struct {
	a     *corpus.Article
	dates *dateResolver
	// names are the capitalised names of each paragraph, read when a
	// short reference ("the observatory") needs one.
	names      [][]string
	lastSource string
	toks       []text.Token // the tokens of the paragraph being read, reused
}

// addFigures fills in the figures of each paragraph of a: counts of
// people killed, wounded, missing, displaced, arrested or executed, with
// the group counted, the place, the source that reported the figure
// (resolved to a full name) and the day it was reported (resolved against
// the publication date; the publication date when the sentence gives
// none). It runs after addMentions and addAttribution, whose
// results it uses to resolve sources.
func addFigures(a *corpus.Article) {
	fa := &figureReader{a: a, dates: newDateResolver(a.Published)}
	for pi := range a.Paragraphs {
		a.Paragraphs[pi].Figures = fa.paragraph(pi)
	}
}

// paragraph extracts the figures of paragraph pi.
func (fa *figureReader) paragraph(pi int) []corpus.Figure {
	p := &fa.a.Paragraphs[pi]
	txt := p.Text
	toks := text.AppendTokens(fa.toks[:0], txt)
	fa.toks = toks
	if len(toks) == 0 {
		return nil
	}
	bounds := sentenceBounds(toks)
	var out []corpus.Figure
	prevKind, prevSource := "", ""
	for si, b := range bounds {
		e := len(toks)
		if si+1 < len(bounds) {
			e = bounds[si+1]
		}
		st := toks[b:e]
		found := findFigures(txt, st, prevKind)
		if len(found) == 0 || isHabitual(st) {
			continue
		}
		cues := findCues(st)
		sources := make([]string, len(cues))
		for ci, c := range cues {
			src := txt[st[c.start].Start:st[c.end-1].PossEnd]
			if name := appositionName(txt, st[c.start].Start, src, p.Attribution); name != "" {
				// "The Syrian Network for Human Rights (SNHR), a monitoring
				// group, said": the name, not its description.
				src = name
			}
			sources[ci] = fa.resolveSource(src, pi)
			if sources[ci] != "" {
				fa.lastSource = sources[ci]
			}
		}
		dates, past := fa.sentenceDates(txt, st)
		for _, f := range found {
			ci := nearestCue(cues, f.num)
			if ci >= 0 {
				f.Source = sources[ci]
				f.Reported = cueDate(st, cues[ci], dates)
			}
			if f.Source == "" {
				if len(p.Attribution) > 0 {
					f.Source = p.Attribution[0]
				} else {
					f.Source = prevSource
				}
			}
			if f.Reported.IsZero() {
				f.Reported = asOfDate(st, f, dates)
			}
			if f.Reported.IsZero() {
				// "In 2013, an attack killed 1,400 people": a figure of
				// then, not of the day of publication.
				f.Reported = fa.a.Published
				if !past.IsZero() {
					f.Reported = past
				}
			}
			f.Where = placeOf(txt, st, f.num, p.Mentions)
			out = append(out, f.Figure)
			prevKind, prevSource = f.What, f.Source
		}
	}
	return out
}

// appositionName returns the name of names that the source phrase src, at
// byte start of text, describes in apposition: "X, a monitoring group,
// said", "X (XYZ), a monitoring group, said"; "" when src is no
// indefinite description right after one of them.
func appositionName(txt string, start int, src string, names []string) string {
	low := strings.ToLower(src)
	if !strings.HasPrefix(low, "a ") && !strings.HasPrefix(low, "an ") {
		return ""
	}
	before, ok := strings.CutSuffix(strings.TrimRight(txt[:start], " "), ",")
	if !ok {
		return ""
	}
	if strings.HasSuffix(before, ")") {
		if open := strings.LastIndex(before, "("); open > 0 {
			before = strings.TrimRight(before[:open], " ")
		}
	}
	for _, n := range names {
		if n != src && strings.HasSuffix(before, n) {
			return n
		}
	}
	return ""
}

// isHabitual reports a sentence about what happens regularly, its
// casualty verb in the present, whose numbers are no report of an event:
// "road accidents kill scores of people every year", "about 300 migrants
// die each month". A report in the past stays one ("floods killed 40, and
// more rain is forecast every day this week").
func isHabitual(st []text.Token) bool {
	habitual, present := false, false
	for k, t := range st {
		switch t.Lower {
		case "annually", "yearly":
			habitual = true
		case "every", "each", "per":
			for _, n := range st[k+1 : min(k+3, len(st))] {
				if habitPeriods[n.Lower] {
					habitual = true
				}
			}
		case "kill", "kills", "die", "dies", "injure", "injures", "wound", "wounds":
			present = true
		case "are", "is":
			if k+1 < len(st) && text.CasualtyKinds[st[k+1].Lower] != "" {
				present = true // "are killed"
			}
		}
	}
	return habitual && present
}

// habitPeriods are the periods of habitual statements: "every year", "each
// two weeks", "per day".
var habitPeriods = text.NewSet("year years month months week weeks day days night nights summer winter")

// sentenceDate is a date expression of a sentence, by tokens.
type sentenceDate struct {
	first, last int // tokens, inclusive
	date        corpus.Date
}

// sentenceDates finds and resolves the date expressions of a sentence. past
// is the day the sentence places its events on when that is four weeks or
// more before publication ("In 2013, an attack killed…", "Last year,
// floods killed…", "The 2010 earthquake killed…"), zero otherwise. A
// running total ("has killed"), a sentence counting since a day ("the
// deadliest since 2019") and a comparison ("more than in 2013") are
// figures of now, and have no past.
func (fa *figureReader) sentenceDates(txt string, st []text.Token) (out []sentenceDate, past corpus.Date) {
	base := st[0].Start
	current := slices.ContainsFunc(st, func(t text.Token) bool {
		return t.Lower == "has" || t.Lower == "have" || t.Lower == "since"
	})
	if pub := fa.a.Published; !pub.IsZero() && !current {
		// "The 2010 earthquake killed…": a year before the noun that opens
		// the sentence, and no count of people ("the 2000 residents").
		for k := 1; k < min(3, len(st)); k++ {
			t := st[k]
			if t.Kind == text.Number && len(t.Text) == 4 && (st[k-1].Lower == "the" || st[k-1].Lower == "a") &&
				k+1 < len(st) && st[k+1].Kind == text.Word && !st[k+1].Upper && text.CasualtyKinds[st[k+1].Lower] == "" && !isPeople(&st[k+1]) {
				if y, err := strconv.Atoi(t.Text); err == nil && y >= 1900 && y < pub.Year() {
					past = corpus.Date{Time: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}
				}
			}
		}
	}
	spans := dateSpansTokens(txt, st, base)
	if len(spans) == 0 {
		return nil, past
	}
	out = make([]sentenceDate, 0, len(spans))
	for _, sp := range spans {
		first, last := -1, -1
		for k := range st {
			if st[k].Start >= base+sp[0] && first < 0 {
				first = k
			}
			if st[k].PossEnd <= base+sp[1] {
				last = k
			}
		}
		if first < 0 || last < first {
			continue
		}
		// "since 10 May" starts a period; it is not when a figure was reported.
		if first > 0 && (st[first-1].Lower == "since" || st[first-1].Lower == "from") ||
			st[first].Lower == "since" || st[first].Lower == "from" || st[first].Lower == "until" {
			continue
		}
		res := fa.dates.resolve(txt[base+sp[0] : base+sp[1]])
		if !res.ok {
			continue
		}
		compared := first > 0 && st[first-1].Lower == "than" || first > 1 && st[first-1].Lower == "in" && st[first-2].Lower == "than"
		old := res.date.Before(fa.a.Published.AddDate(0, 0, -28))
		if res.precision == PrecisionYear {
			old = res.date.Year() < fa.a.Published.Year() // "this year" is now
		}
		if !fa.a.Published.IsZero() && !current && !compared && old {
			past = earlier(past, res.date)
		}
		if res.precision == PrecisionYear {
			continue
		}
		out = append(out, sentenceDate{first: first, last: last, date: res.date})
	}
	return out, past
}

// earlier returns the earlier of two dates, ignoring zero ones.
func earlier(a, b corpus.Date) corpus.Date {
	if a.IsZero() || !b.IsZero() && b.Before(a.Time) {
		return b
	}
	return a
}

// nearestCue returns the cue nearest the number at token num, or -1.
func nearestCue(cues []sourceCue, num int) int {
	best, bestDist := -1, 1<<30
	for i, c := range cues {
		d := c.verb - num
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// cueDate returns the date attached to a reporting verb: "said on
// Sunday", "said in a statement on Friday", "on Monday said", "On Sunday,
// the observatory said", "according to figures released on Sunday".
func cueDate(st []text.Token, c sourceCue, dates []sentenceDate) corpus.Date {
	for _, d := range dates {
		// After the verb, before any "that" or number.
		if d.first > c.verb && d.first <= c.verb+7 {
			clear := true
			for m := c.verb + 1; m < d.first; m++ {
				if st[m].Lower == "that" || st[m].Kind == text.Number || st[m].Kind == text.Punct && st[m].Text != "," {
					clear = false
				}
			}
			if clear {
				return d.date
			}
		}
		// Between the source and the verb: "the observatory on Sunday said".
		if !c.after && d.first >= c.end && d.last < c.verb {
			return d.date
		}
		// Opening the sentence: "On Sunday, the observatory said".
		if !c.after && d.first == 0 && d.last+2 == c.start && st[d.last+1].Text == "," {
			return d.date
		}
	}
	return corpus.Date{}
}

// asOfDate returns the date a figure holds at when the sentence says
// ("as of Sunday", "by Monday") or, for a toll, the day it rose ("the
// toll rose on Sunday to 1,500").
func asOfDate(st []text.Token, f foundFigure, dates []sentenceDate) corpus.Date {
	for _, d := range dates {
		if d.first > 0 {
			prev := st[d.first-1].Lower
			if prev == "by" || prev == "of" && d.first > 1 && st[d.first-2].Lower == "as" {
				return d.date
			}
		}
		if f.toll && d.first >= f.num-6 && d.first <= f.num+5 {
			return d.date
		}
	}
	return corpus.Date{}
}

// resolveSource resolves the source as written in paragraph pi to a full
// name: "the observatory" → "Syrian Observatory for Human Rights" (from
// the paragraph's attribution, the article's mentions, or a capitalised
// name in the article containing "Observatory"), "Mr. al-Shara" → the
// mention's full name, "it" → the source before. A source it cannot
// resolve is kept as written ("a war monitor").
func (fa *figureReader) resolveSource(raw string, pi int) string {
	para := &fa.a.Paragraphs[pi]
	toks := text.Tokenize(raw)
	for len(toks) > 0 && toks[len(toks)-1].Kind == text.Punct {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return ""
	}
	if len(toks) == 1 && pronouns[toks[0].Lower] {
		if len(para.Attribution) > 0 {
			return para.Attribution[0]
		}
		return fa.lastSource
	}
	raw = raw[:toks[len(toks)-1].PossEnd-toks[0].Start]
	if name, ok := nameOf(raw, toks); ok {
		for _, at := range para.Attribution {
			if strings.EqualFold(at, name) || containsFold(at, name) {
				return at
			}
		}
		if full := fa.mentionNamed(name, pi); full != "" {
			return full
		}
		return name
	}
	head := toks[len(toks)-1].Lower
	for _, at := range para.Attribution {
		if nameHasWord(at, head) {
			return at
		}
	}
	if phraseStops[head] {
		return strings.TrimSpace(raw)
	}
	for q := pi; q >= 0; q-- {
		for _, m := range fa.a.Paragraphs[q].Mentions {
			if m.Kind != corpus.Place && m.Name != "" && nameHasWord(m.Name, head) && strings.Contains(m.Name, " ") {
				return m.Name
			}
		}
	}
	if name := fa.nameWith(head, pi); name != "" {
		return name
	}
	if (toks[0].Lower == "the" || toks[0].Lower == "this") && genericHeads[head] && fa.lastSource != "" {
		return fa.lastSource
	}
	if toks[0].Lower == "the" && toks[0].Upper {
		return "the" + raw[3:]
	}
	return raw
}

// nameOf returns the capitalised name a source is ("the Britain-based
// Syrian Observatory for Human Rights" → "Syrian Observatory for Human
// Rights", "Mr. al-Shara" → "al-Shara"), when the source is one: "Syrian
// officials" is no name.
func nameOf(raw string, toks []text.Token) (string, bool) {
	i := 0
	for i < len(toks) && (toks[i].Lower == "the" || toks[i].Lower == "a" || toks[i].Lower == "an" || toks[i].Lower == "another" ||
		titleWords[toks[i].Lower] || toks[i].Text == "." || adjectiveHyphen(toks[i].Lower)) {
		i++
	}
	if i >= len(toks) {
		return "", false
	}
	e := i
	for toks[i].Upper && e < len(toks) {
		w := &toks[e]
		if w.Kind == text.Word && (w.Upper || nameJoin[w.Lower] && e+1 < len(toks) && toks[e+1].Upper) {
			e++
			continue
		}
		if w.Kind == text.Punct && (w.Text == "&" || w.Text == "." && text.Abbreviation(toks[e-1].Lower)) && e+1 < len(toks) {
			e++
			continue
		}
		break
	}
	if e < len(toks) {
		// A name closing the source: "the state news agency SANA"; but
		// "Syrian officials" is no name.
		e, b := len(toks), len(toks)
		for b > i && toks[b-1].Kind == text.Word && (toks[b-1].Upper || b-1 > i && nameJoin[toks[b-1].Lower] && b < e && toks[b-2].Upper) {
			b--
		}
		if b < e && b > i && !toks[b-1].Upper && (e-b >= 2 || looksName(&toks[b])) {
			return raw[toks[b].Start-toks[0].Start : toks[e-1].PossEnd-toks[0].Start], true
		}
		return "", false
	}
	if e == i+1 && !looksName(&toks[i]) {
		return "", false
	}
	name := raw[toks[i].Start-toks[0].Start : toks[e-1].PossEnd-toks[0].Start]
	return strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s"), true
}

// looksName reports whether a single capitalised word can be a source's
// name rather than a capitalised common word ("Officials").
func looksName(t *text.Token) bool { return !peopleNouns[t.Lower] && !phraseStops[t.Lower] }

// adjectiveHyphen reports descriptive compounds dropped before a name:
// "Britain-based", "UK-based", "Iran-backed", "state-run".
func adjectiveHyphen(w string) bool {
	for _, suf := range []string{"-based", "-backed", "-led", "-run", "-funded", "-affiliated", "-aligned", "-owned"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// mentionNamed returns the full name of the article mention written name
// ("al-Shara" → "Ahmed al-Shara"), looking back from paragraph pi first.
func (fa *figureReader) mentionNamed(name string, pi int) string {
	ps := fa.a.Paragraphs
	for q := pi; q >= 0; q-- {
		for _, m := range ps[q].Mentions {
			if m.Name != "" && (strings.EqualFold(m.Text, name) || strings.EqualFold(m.Name, name) || containsFold(m.Name, name)) {
				return m.Name
			}
		}
	}
	for q := pi + 1; q < len(ps); q++ {
		for _, m := range ps[q].Mentions {
			if m.Name != "" && (strings.EqualFold(m.Text, name) || strings.EqualFold(m.Name, name)) {
				return m.Name
			}
		}
	}
	return ""
}

// nameWith returns the longest capitalised name of the article containing
// the word head ("observatory" → "Syrian Observatory for Human Rights"),
// looking in paragraph pi and back first, then forward.
func (fa *figureReader) nameWith(head string, pi int) string {
	if len(head) < 3 {
		return ""
	}
	ps := fa.a.Paragraphs
	if fa.names == nil {
		fa.names = make([][]string, len(ps))
	}
	look := func(q int) string {
		if fa.names[q] == nil {
			fa.names[q] = nameRuns(ps[q].Text)
		}
		best := ""
		for _, n := range fa.names[q] {
			if len(n) > len(best) && nameHasWord(n, head) {
				best = n
			}
		}
		return best
	}
	for q := pi; q >= 0; q-- {
		if n := look(q); n != "" {
			return n
		}
	}
	for q := pi + 1; q < len(ps); q++ {
		if n := look(q); n != "" {
			return n
		}
	}
	return ""
}

// nameRuns returns the capitalised names of two words or more in a text:
// "Syrian Observatory for Human Rights", "Middle East Institute".
func nameRuns(txt string) []string {
	toks := text.Tokenize(txt)
	names := []string{}
	for i := 0; i < len(toks); {
		if toks[i].Kind != text.Word || !toks[i].Upper || adjectiveHyphen(toks[i].Lower) {
			i++
			continue
		}
		e, caps := i, 0
		for e < len(toks) {
			w := &toks[e]
			if w.Kind == text.Word && w.Upper && !adjectiveHyphen(w.Lower) {
				caps++
				e++
				if sPossessive(*w) {
					break
				}
				continue
			}
			if w.Kind == text.Word && nameJoin[w.Lower] && e+1 < len(toks) && toks[e+1].Upper && e > i {
				e++
				continue
			}
			break
		}
		start := i
		if toks[start].Lower == "the" && start+1 < e {
			start++
			caps--
		}
		if caps >= 2 {
			names = append(names, txt[toks[start].Start:toks[e-1].PossEnd])
		}
		i = max(e, i+1)
	}
	return names
}

// nameHasWord reports whether name contains word as a whole word, ignoring
// case.
func nameHasWord(name, word string) bool {
	if word == "" {
		return false
	}
	low := strings.ToLower(name)
	for i := 0; ; {
		j := strings.Index(low[i:], word)
		if j < 0 {
			return false
		}
		s, e := i+j, i+j+len(word)
		before := s == 0 || !isLetterByte(low[s-1])
		after := e == len(low) || !isLetterByte(low[e])
		if before && after {
			return true
		}
		i = s + 1
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// containsFold reports whether name contains part as whole words,
// ignoring case.
func containsFold(name, part string) bool { return nameHasWord(name, strings.ToLower(part)) }
