package corpus

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Figure kinds: the normalised What of a Figure.
const (
	KindKilled    = "killed"
	KindWounded   = "wounded"
	KindMissing   = "missing"
	KindDisplaced = "displaced"
	KindArrested  = "arrested"
	KindExecuted  = "executed"
	KindRescued   = "rescued"
)

// fgKinds maps the words of casualty reporting, in any of their forms, to
// the figure kind they report. "casualties" is counted as killed: reporters
// mostly write it for deaths, and a question for the death toll should find
// it (the question side asks for killed and wounded on "casualties").
var fgKinds = map[string]string{
	"killed": KindKilled, "kill": KindKilled, "kills": KindKilled, "killing": KindKilled, "killings": KindKilled,
	"dead": KindKilled, "died": KindKilled, "die": KindKilled, "dies": KindKilled, "death": KindKilled,
	"deaths": KindKilled, "fatalities": KindKilled, "fatality": KindKilled, "slain": KindKilled,
	"perished": KindKilled, "casualties": KindKilled, "casualty": KindKilled, "toll": KindKilled,
	"tolls": KindKilled, "murdered": KindKilled, "murder": KindKilled, "murdering": KindKilled,
	"massacred": KindKilled, "massacre": KindKilled, "slaughtered": KindKilled, "victims": KindKilled,
	"bodies": KindKilled, "lives": KindKilled, "dying": KindKilled,
	"drowned": KindKilled, "drowning": KindKilled, "electrocuted": KindKilled, "suffocated": KindKilled,
	"executed": KindExecuted, "execute": KindExecuted, "executes": KindExecuted, "executing": KindExecuted,
	"execution": KindExecuted, "executions": KindExecuted,
	"wounded": KindWounded, "wound": KindWounded, "wounds": KindWounded, "wounding": KindWounded,
	"injured": KindWounded, "injure": KindWounded, "injures": KindWounded, "injuring": KindWounded,
	"injuries": KindWounded, "injury": KindWounded, "hurt": KindWounded,
	"missing": KindMissing, "disappeared": KindMissing, "unaccounted": KindMissing, "abducted": KindMissing,
	"abduct": KindMissing, "abducting": KindMissing, "abductions": KindMissing, "kidnapped": KindMissing,
	"kidnap": KindMissing, "kidnapping": KindMissing, "disappearance": KindMissing,
	"displaced": KindDisplaced, "displace": KindDisplaced, "displacing": KindDisplaced, "displacement": KindDisplaced,
	"fled": KindDisplaced, "flee": KindDisplaced, "fleeing": KindDisplaced, "evacuated": KindDisplaced,
	"evacuate": KindDisplaced, "evacuating": KindDisplaced, "evacuation": KindDisplaced, "homeless": KindDisplaced,
	"uprooted": KindDisplaced, "refugees": KindDisplaced,
	"arrested": KindArrested, "arrest": KindArrested, "arrests": KindArrested, "arresting": KindArrested,
	"detained": KindArrested, "detain": KindArrested, "detaining": KindArrested, "detention": KindArrested,
	"detentions": KindArrested, "captured": KindArrested, "jailed": KindArrested, "imprisoned": KindArrested,
	"custody": KindArrested, "detainees": KindArrested,
	"rescued": KindRescued, "rescuing": KindRescued, "survivors": KindRescued,
}

// fgKindPhrases are multi-word casualty expressions.
var fgKindPhrases = map[string]string{
	"death toll": KindKilled, "casualty toll": KindKilled, "lost their lives": KindKilled, "lost lives": KindKilled,
	"shot dead": KindKilled, "killed in action": KindKilled, "number of dead": KindKilled, "number of deaths": KindKilled,
	"summarily killed": KindExecuted, "summarily executed": KindExecuted, "summary executions": KindExecuted,
	"field executions": KindExecuted, "executed summarily": KindExecuted,
	"taken into custody": KindArrested, "rounded up": KindArrested, "taken prisoner": KindArrested,
	"forced to flee": KindDisplaced, "forced from their homes": KindDisplaced, "left homeless": KindDisplaced,
	"went missing": KindMissing, "unaccounted for": KindMissing,
	"pulled out alive": KindRescued, "pulled alive": KindRescued, "brought out alive": KindRescued,
	"found alive": KindRescued,
}

// FigureKind maps a casualty word or phrase to the figure kind it asks
// for, or "" when it is none. Every form of a word maps:
//
//   - killed: killed, kill, killing(s), dead, died, die, death(s), death
//     toll, toll, fatalities, casualties (see below), slain, perished,
//     murdered, massacred, victims, bodies, lost their lives, shot dead
//   - executed: executed, execution(s), summarily killed, summary executions
//   - wounded: wounded, injured, injuries, hurt
//   - missing: missing, disappeared, unaccounted for, abducted, kidnapped
//   - displaced: displaced, fled, flee, evacuated, homeless, refugees,
//     forced to flee
//   - arrested: arrested, arrests, detained, detention(s), detainees,
//     captured, jailed, taken into custody
//   - rescued: rescued, survivors, pulled out alive, found alive
//
// "casualties" maps to killed: news reports mostly use it for deaths, and
// figures extracted from "1,500 casualties" are stored as killed. A
// question for the death toll ("death toll", "deaths", "fatalities",
// "casualties") therefore asks for killed figures, and should also accept
// executed ones, which are deaths too.
func FigureKind(word string) string {
	w := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(word, "’", "'"))), " ")
	w = strings.Trim(w, ".,;:!?\"'()")
	if k, ok := fgKindPhrases[w]; ok {
		return k
	}
	if k, ok := fgKinds[w]; ok {
		return k
	}
	// A phrase ending in a casualty word: "the latest death toll",
	// "civilian deaths".
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		if k, ok := fgKindPhrases[w[strings.LastIndexByte(w[:i], ' ')+1:]]; ok {
			return k
		}
		return fgKinds[w[i+1:]]
	}
	return ""
}

// ---------------------------------------------------------------------
// Tokens and sentences.

const (
	fgWord  = 'w'
	fgNum   = 'n'
	fgPunct = 'p'
)

// fgTok is a word, a number written in digits, or a punctuation mark.
type fgTok struct {
	text       string // as written
	low        string // lower-cased, with ’ written '
	start, end int    // byte offsets in the text
	kind       byte
	upper      bool // a word starting with a capital letter
}

// fgTokenize splits text into tokens. Words keep inner hyphens, apostrophes
// and dots ("pro-government", "Syria’s", "U.S"); numbers keep inner commas
// and dots ("1,300", "1.5"); a number glued to letters ("17th", "10am") is
// a word.
func fgTokenize(text string) []fgTok {
	return fgTokenizeAppend(make([]fgTok, 0, len(text)/5+1), text)
}

// fgTokenizeAppend appends the tokens of text to toks.
func fgTokenizeAppend(toks []fgTok, text string) []fgTok {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(text) {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			kind := byte(fgNum)
			for j < len(text) {
				r2, sz := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				kind = fgWord
				j += sz
			}
			toks = append(toks, fgTok{text: text[i:j], low: strings.ToLower(text[i:j]), start: i, end: j, kind: kind})
			i = j
		case unicode.IsLetter(r):
			j := i + size
			for j < len(text) {
				if c := text[j]; c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
					j++
					continue
				}
				r2, sz := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += sz
					continue
				}
				if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == '‐' || r2 == '‑' {
					if r3, _ := utf8.DecodeRuneInString(text[min(j+sz, len(text)):]); j+sz < len(text) && (unicode.IsLetter(r3) || r2 != '.' && unicode.IsDigit(r3)) {
						j += sz
						continue
					}
				}
				break
			}
			w := text[i:j]
			low := strings.ToLower(w)
			if strings.IndexByte(low, "’"[0]) >= 0 && strings.Contains(low, "’") {
				low = strings.ReplaceAll(low, "’", "'")
			}
			upper := unicode.IsUpper(r)
			if !upper {
				// "al-Shara", "el-Sisi": a particle before a capitalised name.
				if h := strings.IndexByte(w, '-'); h > 0 && h <= 3 && h+1 < len(w) {
					r2, _ := utf8.DecodeRuneInString(w[h+1:])
					upper = unicode.IsUpper(r2)
				}
			}
			toks = append(toks, fgTok{text: w, low: low, start: i, end: j, kind: fgWord, upper: upper})
			i = j
		default:
			toks = append(toks, fgTok{text: text[i : i+size], low: text[i : i+size], start: i, end: i + size, kind: fgPunct})
			i += size
		}
	}
	return toks
}

// fgSentenceBounds splits tokens into sentences as Sentences does: it
// returns the index of the first token of each sentence.
func fgSentenceBounds(text string, toks []fgTok) []int {
	bounds := []int{0}
	k := 0
	for _, start := range sentenceStarts(text) {
		for k < len(toks) && toks[k].start < start {
			k++
		}
		if k < len(toks) && k > bounds[len(bounds)-1] {
			bounds = append(bounds, k)
		}
	}
	return bounds
}

// fgAbbrev reports whether a word written before a dot is an
// abbreviation: one of the list Sentences knows, or a dotted one (U.S).
func fgAbbrev(low string) bool { return entAbbrev[low] || strings.Contains(low, ".") }

// ---------------------------------------------------------------------
// Vocabulary.

func fgSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var (
	fgUnits = map[string]int{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	}
	fgTens = map[string]int{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	fgScales = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000}
	// fgVague are number words with a conventional value.
	fgVague = map[string]int{
		"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2000000,
	}

	// fgQualifiers are the qualifiers written before a number, longest first
	// within the same first word, with their normal form.
	fgQualifiers = []struct {
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

	// fgPeople are nouns that count people.
	fgPeople = fgSet("people persons person individuals civilians civilian children child kids babies infants " +
		"minors teenagers teens boys girls women woman men man soldiers soldier troops fighters fighter " +
		"militants militant combatants insurgents rebels gunmen gunman militiamen jihadists loyalists members " +
		"member personnel officers officer policemen police guards guard protesters protestors demonstrators " +
		"residents villagers inhabitants citizens nationals refugees migrants journalists reporters " +
		"workers doctors nurses medics paramedics patients students pupils teachers worshippers worshipers " +
		"pilgrims passengers prisoners detainees inmates hostages captives victims relatives families staff " +
		"employees officials volunteers farmers fishermen shepherds tourists recruits conscripts servicemen " +
		"sailors airmen marines commanders leaders suspects opponents supporters activists elderly others " +
		"adults youths men's defectors deserters mercenaries gunmen's attackers assailants bystanders " +
		"peacekeepers contractors firefighters rescuers aid volunteers worshippers clerics priests monks " +
		"settlers shoppers pedestrians motorists drivers crew crewmembers pensioners believers persons")

	// fgPersonSuffixes mark plural nouns of people not in the list.
	fgPersonSuffixes = []string{"ians", "ists", "ites", "ists'", "men"}

	// fgThings are things, never people: a number counting them is no
	// casualty figure.
	fgThings = fgSet("drones tanks vehicles cars trucks villages towns cities homes houses buildings rockets " +
		"missiles shells bombs mortars weapons rifles guns aircraft jets planes helicopters provinces districts " +
		"countries checkpoints positions sites schools hospitals mosques churches shops stores bridges roads " +
		"miles kilometres kilometers meters metres acres tons tonnes dollars euros pounds liras lira points " +
		"votes seats cases incidents attacks strikes raids airstrikes clashes violations reports statements " +
		"videos images photos documents files pages articles tweets posts hours minutes seconds")

	// fgStop are words that end a noun phrase: verbs of being and having,
	// prepositions, conjunctions, determiners and adverbs.
	fgStop = fgSet("and or but nor were was are is am be been being have has had having will would could " +
		"should may might must can shall do does did remain remained remains in on at across near inside " +
		"outside during after before since from to by for of over with including among as so more others " +
		"other last this that these those overnight yesterday today tonight when while who whom whose which " +
		"where reportedly also all both each according amid than then there the a an its their his her our " +
		"your my it they he she we you them him us not never no only just about around still now already " +
		"in into onto upon toward towards against between within without through throughout under below " +
		"above because though although if whether whereas until unless")

	// fgAux are the words allowed between a counted noun phrase and its
	// casualty verb: "1,300 people have reportedly been killed".
	fgAux = fgSet("have has had been being be were was are is will would may might could should must " +
		"reportedly reported allegedly also now so far since already all both confirmed believed thought " +
		"feared said to later subsequently still apparently initially then just mostly mainly who that " +
		"themselves previously likely presumed known either originally officially recently listed registered " +
		"estimated understood considered declared pronounced found left either each altogether together " +
		"overall total remain remained remains")

	// fgLinks are the words that link a toll to its number: "the death toll
	// has risen on Sunday to", "a toll of", "put the toll at".
	fgLinks = fgSet("rose risen rise rises rising climbed climb climbs climbing reached reach reaches reaching hit " +
		"hits stood stands stand standing is was has had have now at to of increased increase increases jumped " +
		"soared passed surpassed exceeded topped neared nears approached grew grown numbered numbers totalled " +
		"totaled totals total further sharply already since on by overnight been mounted officially so far then " +
		"again bringing brought raising raised taking took pushing pushed updated revised its their overall " +
		"official latest new final stand stood sunday monday tuesday wednesday thursday friday saturday " +
		"yesterday today the a reportedly climbed jumped reaching higher lower even still")

	// fgChangeWords say that a figure changed: "rose from 11 to 27".
	fgChangeWords = fgSet("rose risen rise rises rising climbed climb climbs climbing increased increase increases " +
		"jumped jump soared grew grown up revised raised")

	// fgComparatives compare a toll with another: "puts the toll higher,
	// at 35".
	fgComparatives = fgSet("higher lower")

	// fgTollNouns name a tally of casualties: "death toll", "tally".
	fgTollNouns = fgSet("toll tolls tally count")

	// fgTransitive are casualty verbs whose object is the count: "killing
	// 12 people", "wounded 14", "detained dozens".
	fgTransitive = fgSet("kill kills killed killing wound wounds wounded wounding injure injures injured injuring " +
		"rescue rescues rescued rescuing " +
		"arrest arrests arrested arresting detain detains detained detaining execute executes executed " +
		"executing displace displaces displaced displacing evacuate evacuates evacuated evacuating abduct " +
		"abducts abducted abducting kidnap kidnaps kidnapped kidnapping capture captures captured capturing " +
		"murder murders murdered murdering massacre massacred massacring slaughter slaughtered slaughtering " +
		"claimed")

	// fgOfNouns take the count after "of": "the deaths of 50 people".
	fgOfNouns = fgSet("deaths death killing killings lives bodies execution executions arrest arrests detention " +
		"detentions displacement evacuation abduction abductions disappearance disappearances massacre " +
		"murder murders")

	// fgSubsetBefore introduce a part of a count given before: "of whom",
	// "including".
	fgSubsetBefore = [][]string{
		{"of", "whom"}, {"of", "them"}, {"of", "those"}, {"of", "which"}, {"among", "them"}, {"among", "whom"},
		{"among", "those"}, {"including"}, {"included"}, {"includes"}, {"include"},
	}

	// fgUnitsAfter are words after a number that make it no count of
	// people: durations, percentages, distances, money, times.
	fgUnitsAfter = fgSet("percent per % years year months month weeks week days day hours hour minutes minute " +
		"seconds decades decade centuries century km kilometres kilometers kilometre kilometer miles mile " +
		"metres meters metre meter feet foot yards kg kilograms tons tonnes times am pm a.m p.m gmt utc " +
		"dollars dollar euros euro pounds pound lira liras usd bn b mn m st nd rd th-century degrees " +
		"o'clock x")

	// fgLabels are words before a number that make it a label: "Resolution
	// 2254", "Route 5".
	fgLabels = fgSet("article resolution no no. number page route highway chapter section flight room unit " +
		"brigade division battalion regiment squad phase level grade class category cell block building gate " +
		"floor row platform term version season episode part volume act paragraph item aged age ages " +
		"$ £ € us$ usd eur gbp")

	fgMonthNames = fgSet("january february march april may june july august september october november december " +
		"jan feb mar apr jun jul aug sep sept oct nov dec")

	// fgReportVerbs attribute a claim to their subject: "X said".
	fgReportVerbs = fgSet("said says say told tells reported reports stated states announced announces estimated " +
		"estimates documented documents recorded counted tallied confirmed confirms added adds noted notes " +
		"wrote posted claimed claims cited warned declared")

	// fgTollVerbs attribute a toll to their subject: "X put the toll at".
	fgTollVerbs = fgSet("put puts gave gives released releases published publishes issued")

	// fgPronouns stand for a source named before.
	fgPronouns = fgSet("it he she they we which who i")

	// fgPlacePreps introduce a place.
	fgPlacePreps = fgSet("in across near outside inside throughout around")

	// fgGeoNouns are common nouns of places: "the coastal region".
	fgGeoNouns = fgSet("region regions province provinces coast coastline countryside city cities town towns " +
		"village villages area areas district districts governorate governorates neighbourhood neighborhoods " +
		"neighborhood neighbourhoods capital north south east west northwest northeast southwest southeast " +
		"heartland border strip suburbs suburb camp camps enclave valley mountains port")

	// fgOrgWords mark a capitalised name as an organisation, not a place.
	fgOrgWords = fgSet("observatory network council ministry institute forces army division committee agency " +
		"organization organisation group front party news press times post court office department commission " +
		"brigade movement coalition union university hospital center centre foundation association " +
		"mr mrs ms dr gen president minister watch amnesty reuters")

	// fgGenericHeads are nouns that stand for a source named before: "the
	// monitor said" after "the Syrian Observatory, a war monitor".
	fgGenericHeads = fgSet("monitor group organisation organization watchdog network observatory body agency ngo " +
		"charity institute center centre monitoring")

	fgWeekdays = fgSet("monday tuesday wednesday thursday friday saturday sunday")
)

// ---------------------------------------------------------------------
// Counts.

// fgCount is a number read from the tokens.
type fgCount struct {
	value int
	start int // first token of the number
	end   int // token after the number
	vague bool
	text  string
}

// fgParseCount reads the number starting at token i: digits ("1,300",
// "1.5 million", "1,000-1,500"), words ("seven", "twenty-three", "a
// dozen", "two hundred") or vague plurals ("dozens", "tens of thousands").
// A vague plural followed by "of" swallows the "of": "hundreds of people".
func fgParseCount(text string, toks []fgTok, i int) (fgCount, bool) {
	t := &toks[i]
	c := fgCount{start: i}
	switch {
	case t.kind == fgNum:
		v, ok := fgDigits(t.text)
		if !ok {
			return c, false
		}
		j := i + 1
		if j < len(toks) && toks[j].kind == fgWord {
			if s, ok := fgScales[toks[j].low]; ok && s >= 1000 {
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
		if i > 1 && toks[i-1].low == "from" && fgChangeWords[toks[i-2].low] && j+1 < len(toks) && toks[j].low == "to" && toks[j+1].kind == fgNum {
			return c, false
		}
		// A range: "1,000-1,500", "1,000 to 1,500", "between 1,000 and 1,500".
		if j+1 < len(toks) && toks[j+1].kind == fgNum && (toks[j].text == "-" || toks[j].text == "–" || toks[j].low == "to" ||
			toks[j].low == "and" && i > 0 && toks[i-1].low == "between") {
			if _, ok := fgDigits(toks[j+1].text); ok {
				c.end = j + 2
				if c.end < len(toks) && toks[c.end].kind == fgWord && fgScales[toks[c.end].low] >= 1000 {
					c.end++
				}
			}
		}
	case t.kind == fgWord:
		if !fgNumberWord(t.low) {
			return c, false
		}
		j := i
		low := t.low
		switch {
		case low == "tens" || low == "hundreds":
			// "tens of thousands" → 20,000, "hundreds of thousands" → 200,000.
			if j+2 < len(toks) && toks[j+1].low == "of" && (toks[j+2].low == "thousands" || toks[j+2].low == "millions") {
				mult := 20
				if low == "hundreds" {
					mult = 200
				}
				c.value, j, c.vague = mult*fgScales[strings.TrimSuffix(toks[j+2].low, "s")], j+3, true
			} else if low == "hundreds" {
				c.value, j, c.vague = 200, j+1, true
			} else {
				return c, false
			}
		case fgVague[low] > 0:
			c.value, j, c.vague = fgVague[low], j+1, true
		case (low == "a" || low == "an") && j+1 < len(toks):
			switch toks[j+1].low {
			case "dozen":
				c.value, j = 12, j+2
			case "hundred", "thousand", "million":
				c.value, j = fgScales[toks[j+1].low], j+2
			default:
				return c, false
			}
		case (low == "several" || low == "few") && j+1 < len(toks):
			k := j + 1
			mult := 3
			switch toks[k].low {
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
		case low == "half" && j+2 < len(toks) && toks[j+1].low == "a" && toks[j+2].low == "dozen":
			c.value, j = 6, j+3
		default:
			v, n := fgCardinal(toks, j)
			if n == 0 {
				return c, false
			}
			c.value, j = v, j+n
			if j < len(toks) && toks[j].low == "dozen" {
				c.value *= 12
				j++
			}
		}
		c.end = j
		if c.vague && j+1 < len(toks) && toks[j].low == "of" && toks[j+1].kind == fgWord && !fgSubsetWord(toks[j+1].low) {
			c.end = j + 1
		}
	default:
		return c, false
	}
	if c.end <= c.start {
		return c, false
	}
	last := c.end - 1
	if c.vague && toks[last].low == "of" {
		last--
	}
	c.text = text[toks[c.start].start:toks[last].end]
	return c, true
}

// fgSubsetWord reports words after "of" that make a subset: "of them".
func fgSubsetWord(w string) bool { return w == "them" || w == "whom" || w == "those" || w == "which" }

// fgNumberStart is a cheap first test for fgNumberWord: the first letters
// of number words.
func fgNumberStart(w string) bool {
	switch w[0] {
	case 'a', 'd', 'e', 'f', 'h', 'n', 'o', 's', 't', 'z':
		return true
	}
	return false
}

// fgNumberWord reports whether w can start a number written in words.
func fgNumberWord(w string) bool {
	if _, ok := fgUnits[w]; ok {
		return true
	}
	if _, ok := fgTens[w]; ok {
		return true
	}
	if fgVague[w] > 0 {
		return true
	}
	switch w {
	case "a", "an", "tens", "several", "few", "half":
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		_, ok := fgTens[w[:i]]
		return ok
	}
	return false
}

// fgCardinal reads a cardinal written in words from token i: "seven",
// "twenty-three", "twenty three", "two hundred and fifty", "three
// thousand". It returns the value and the number of tokens read.
func fgCardinal(toks []fgTok, i int) (int, int) {
	total, current, n := 0, 0, 0
	seen := false
	for j := i; j < len(toks) && j < i+8; j++ {
		w := toks[j].low
		if toks[j].kind != fgWord {
			break
		}
		if v, ok := fgUnits[w]; ok {
			if seen && current%10 != 0 || seen && current%100 != 0 && v >= 10 {
				break
			}
			current += v
		} else if v, ok := fgTens[w]; ok {
			if seen && current%100 != 0 {
				break
			}
			current += v
		} else if h := strings.IndexByte(w, '-'); h > 0 && fgTens[w[:h]] > 0 && fgUnits[w[h+1:]] > 0 && fgUnits[w[h+1:]] < 10 {
			if seen && current%100 != 0 {
				break
			}
			current += fgTens[w[:h]] + fgUnits[w[h+1:]]
		} else if s, ok := fgScales[w]; ok && seen {
			if s == 100 {
				current *= 100
			} else {
				total += current * s
				current = 0
			}
		} else if w == "and" && seen && j+1 < len(toks) && (fgUnits[toks[j+1].low] > 0 || fgTens[toks[j+1].low] > 0 ||
			strings.IndexByte(toks[j+1].low, '-') > 0 && fgTens[toks[j+1].low[:strings.IndexByte(toks[j+1].low, '-')]] > 0) &&
			j > i && fgScales[toks[j-1].low] > 0 {
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

// fgDigits reads a number in digits: "1,300", "125", "1.5", "1.300.000".
func fgDigits(s string) (float64, bool) {
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

// fgFigure is a figure found in a sentence, before its source and date
// are resolved.
type fgFigure struct {
	Figure
	num  int  // token index of the number in the sentence
	toll bool // given as a toll: "the death toll rose to 1,500"
}

var (
	fgBe        = fgSet("were was are is been be being")
	fgQuantMods = fgSet("other more additional further another some")
	// fgOfHeads take an "of" complement in the counted group: "members of
	// the security forces".
	fgOfHeads = fgSet("members member supporters relatives families employees staff units elements residents " +
		"fighters officers personnel students citizens")
	// fgNounKinds are casualty words that may directly follow a number:
	// "40 wounded", "1,383 deaths", "23 dead".
	fgNounKinds = fgSet("killed dead deaths fatalities casualties wounded injured injuries missing displaced " +
		"executions arrests arrested detained bodies executed slain hurt survivors rescued")
	// fgPredicates are the casualty verbs and adjectives that end a
	// counted group's predicate: "… have died", "… were killed".
	fgPredicates = fgSet("killed dead died die slain perished drowned electrocuted suffocated murdered massacred slaughtered executed wounded " +
		"injured hurt missing disappeared abducted kidnapped displaced fled evacuated homeless uprooted " +
		"arrested detained captured jailed imprisoned dying rescued")
	// fgCueSkip are words between a source and its reporting verb: "the
	// observatory has also said", "the ministry on Sunday said".
	fgCueSkip = fgSet("has had have also later previously earlier separately again on late early then first " +
		"initially now last night morning afternoon evening yesterday today would will could may had " +
		"sunday monday tuesday wednesday thursday friday saturday subsequently since further")
	// fgSubjectStops end a source read backwards from its verb.
	fgSubjectStops = fgSet("that and but while as because after when amid with although though where so if " +
		"than whereas before until since whom said says told reported")
	// fgTitles are titles dropped from a source name.
	fgTitles = fgSet("mr mrs ms dr gen president prime minister col lt maj capt sheikh")
	// fgNameJoin are lower-case words inside a capitalised name: "Syrian
	// Observatory for Human Rights".
	fgNameJoin = fgSet("for of the and on de du la al el bin ibn")
)

// fgFindFigures finds the figures of one sentence. prevKind is the kind of
// the figure before it in the paragraph, inherited by a part of a count
// ("of whom 973 were civilians").
func fgFindFigures(text string, toks []fgTok, prevKind string) []fgFigure {
	var out []fgFigure
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != fgNum && (t.kind != fgWord || !fgNumberStart(t.low) || !fgNumberWord(t.low)) {
			continue
		}
		c, ok := fgParseCount(text, toks, i)
		if !ok {
			continue
		}
		if fgNotACount(toks, c) {
			i = c.end - 1
			continue
		}
		f, ok := fgReadFigure(text, toks, c, prevKind)
		if !ok {
			if t.kind == fgNum {
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

// fgNotACount reports numbers that count no people: years, percentages,
// durations, ages, dates, times, money, labels ("Resolution 2254").
func fgNotACount(toks []fgTok, c fgCount) bool {
	first := &toks[c.start]
	if c.end < len(toks) {
		n := &toks[c.end]
		if fgUnitsAfter[n.low] || n.text == "%" {
			return true
		}
		if (n.text == "-" || n.text == "‐" || n.text == "–") && c.end+1 < len(toks) && toks[c.end+1].kind == fgWord {
			w := toks[c.end+1].low
			for _, u := range []string{"year", "month", "week", "day", "hour", "minute", "mile", "kilomet", "storey", "story", "member", "point", "page"} {
				if strings.HasPrefix(w, u) {
					return true
				}
			}
		}
		if n.text == ":" || n.text == "/" {
			return true
		}
		if n.kind == fgWord && n.upper && fgMonthNames[strings.TrimSuffix(n.low, ".")] {
			return true
		}
		if first.low == "one" && (n.low == "of" || n.low == "another") {
			return true
		}
	}
	if c.start > 0 {
		p := &toks[c.start-1]
		if fgLabels[p.low] || p.text == "#" || p.text == "/" {
			return true
		}
		if p.kind == fgWord && p.upper && fgMonthNames[strings.TrimSuffix(p.low, ".")] {
			return true
		}
		if first.kind == fgWord && (first.low == "one" || first.low == "a" || first.low == "an") {
			switch p.low {
			case "the", "this", "that", "any", "each", "every", "no", "which", "only", "last":
				return true
			}
		}
		if p.text == "." && c.start > 1 && toks[c.start-2].kind == fgNum {
			return true
		}
	}
	if first.kind == fgNum && len(first.text) == 4 && !strings.ContainsAny(first.text, ",.") {
		if y, _ := strconv.Atoi(first.text); y >= 1800 && y <= 2100 {
			if c.end >= len(toks) || c.end > c.start+1 || !fgPeople[toks[c.end].low] {
				return true
			}
		}
	}
	return false
}

// fgReadFigure reads the counted group and the casualty kind around a
// count; ok is false when the number counts no casualties.
func fgReadFigure(text string, toks []fgTok, c fgCount, prevKind string) (fgFigure, bool) {
	q, qs := fgQualifier(toks, c.start)
	f := fgFigure{num: c.start}
	f.Count, f.CountText, f.Qualifier = c.value, c.text, q
	who, after, nounKind, thing := fgWho(text, toks, c.end)
	if thing {
		return f, false
	}
	f.Who = who
	switch {
	case nounKind != "":
		f.What = nounKind
	default:
		if k, ok := fgObjectOf(toks, qs, after); ok {
			f.What = k
			break
		}
		if k := fgAmong(toks, qs); k != "" {
			f.What = k
			break
		}
		if k := fgToll(toks, qs); k != "" {
			f.What, f.toll = k, true
			break
		}
		if sub, subWho, end := fgSubset(text, toks, qs, c.end); sub {
			if subWho != "" {
				f.Who = subWho
			}
			if f.What = fgPredicate(text, toks, end); f.What == "" {
				f.What = prevKind
			}
			break
		}
		f.What = fgPredicate(text, toks, after)
	}
	if f.What == "" && qs > 0 && fgFoundVerbs[toks[qs-1].low] &&
		slices.ContainsFunc(toks[c.end:min(c.end+5, len(toks))], func(t fgTok) bool { return t.low == "alive" }) {
		f.What = KindRescued // "pulled nine people out alive"
	}
	if f.What == KindRescued && !slices.ContainsFunc(toks, func(t fgTok) bool { return fgRescueWords[t.low] }) {
		return f, false // "two survivors described the collapse": no rescue counted
	}
	return f, f.What != ""
}

// fgFoundVerbs take a count of people found alive: "pulled nine people out
// alive", "found two children alive".
var fgFoundVerbs = fgSet("pulled found brought dug freed")

// fgRescueWords say that people were saved: a count of survivors is a
// count of people rescued only with one of them.
var fgRescueWords = fgSet("rescued rescue rescues rescuing pulled freed saved recovered found evacuated alive")

// fgQualifier reads the qualifier before token i ("more than", "nearly");
// it returns the normal form and the index of its first token (i when
// there is none). A stray word inside "more … than" is forgiven: "more
// that than 1,300".
func fgQualifier(toks []fgTok, i int) (string, int) {
	for _, q := range fgQualifiers {
		n := len(q.words)
		if i-n < 0 {
			continue
		}
		match := true
		for k, w := range q.words {
			if toks[i-n+k].low != w {
				match = false
				break
			}
		}
		if match {
			return q.norm, i - n
		}
	}
	if i >= 3 && toks[i-1].low == "than" && toks[i-2].kind == fgWord && len(toks[i-2].low) <= 5 {
		switch toks[i-3].low {
		case "more":
			return "more than", i - 3
		case "fewer", "less":
			return "fewer than", i - 3
		}
	}
	return "", i
}

// fgIsPeople reports whether a word names people: "civilians",
// "gunmen", "Alawites".
func fgIsPeople(t *fgTok) bool {
	if t.kind != fgWord {
		return false
	}
	if fgPeople[t.low] {
		return true
	}
	if fgThings[t.low] || fgOrgWords[t.low] || fgStop[t.low] {
		return false
	}
	if t.upper {
		// "Alawites", "Kurds", "Palestinians": a capitalised plural.
		return len(t.low) > 3 && strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "'s") &&
			!fgWeekdays[t.low] && !fgMonthNames[t.low]
	}
	for _, suf := range fgPersonSuffixes {
		if strings.HasSuffix(t.low, suf) && len(t.low) > len(suf)+2 {
			return true
		}
	}
	return false
}

// fgWho reads the counted group after a number: "people", "Alawite
// civilians", "members of the security forces". It returns the group
// ("" when the number stands alone: "killing 12"), the token after it, the
// casualty kind when a casualty word follows the number directly ("40
// wounded", "1,383 deaths"), and thing when the number counts things
// ("12 drones").
func fgWho(text string, toks []fgTok, j int) (who string, end int, kind string, thing bool) {
	if j >= len(toks) {
		return "", j, "", false
	}
	// "two of the refugees had died": the group after "of the".
	if j+2 < len(toks) && toks[j].low == "of" && (toks[j+1].low == "the" || toks[j+1].low == "those") && fgIsPeople(&toks[j+2]) {
		j += 2
	}
	t := &toks[j]
	if t.kind == fgWord && fgNounKinds[t.low] {
		return "", j + 1, fgKinds[t.low], false
	}
	// "27 associated deaths", "12 confirmed fatalities", "3 new injuries".
	if t.kind == fgWord && fgCountAdjectives[t.low] && j+1 < len(toks) && toks[j+1].kind == fgWord && fgNounKinds[toks[j+1].low] {
		return "", j + 2, fgKinds[toks[j+1].low], false
	}
	head := -1
	for k := j; k < len(toks) && k < j+4; k++ {
		w := &toks[k]
		if w.kind != fgWord {
			break
		}
		if fgIsPeople(w) {
			head = k
			continue
		}
		if head >= 0 || fgStop[w.low] || fgKinds[w.low] != "" {
			break
		}
		if fgThings[w.low] {
			return "", j, "", true
		}
	}
	if head < 0 {
		if t.low == "more" || t.low == "others" || t.low == "other" {
			return "", j + 1, "", false // "45 more had died"
		}
		if t.kind == fgWord && !fgStop[t.low] && fgKinds[t.low] == "" && !fgWeekdays[t.low] &&
			!fgAux[t.low] && !fgMonthNames[t.low] {
			return "", j, "", true // "13 villages", "five decades"
		}
		return "", j, "", false
	}
	start := j
	for start < head && fgQuantMods[toks[start].low] {
		start++
	}
	end = head + 1
	if fgOfHeads[toks[head].low] && end+1 < len(toks) && toks[end].low == "of" {
		k := end + 1
		if toks[k].low == "the" || toks[k].low == "a" {
			k++
		}
		last := -1
		for ; k < len(toks) && k < end+6; k++ {
			w := &toks[k]
			if w.kind != fgWord || fgStop[w.low] || fgKinds[w.low] != "" || fgAux[w.low] {
				break
			}
			last = k
		}
		if last >= 0 {
			end = last + 1
		}
	}
	if start == head && (toks[head].low == "others" || toks[head].low == "victims") && end == head+1 {
		return "", end, "", false
	}
	return text[toks[start].start:toks[end-1].end], end, "", false
}

// fgObjectOf reads a count that is the object of a casualty verb or noun:
// "killing at least 12 people", "had killed some 125 civilians", "left 23
// dead", "forced 3,000 to flee", "the deaths of 50 people". qs is the first
// token of the count with its qualifier; after is the token after the
// counted group.
func fgObjectOf(toks []fgTok, qs, after int) (string, bool) {
	p := qs - 1
	if p < 0 {
		return "", false
	}
	w := toks[p].low
	switch {
	case w == "left":
		if after < len(toks) {
			if k := fgKinds[toks[after].low]; k != "" && fgPredicates[toks[after].low] {
				return k, true
			}
		}
	case w == "forced":
		if after+1 < len(toks) && (toks[after].low == "to" && (toks[after+1].low == "flee" || toks[after+1].low == "leave") ||
			toks[after].low == "from" || toks[after].low == "out") {
			return KindDisplaced, true
		}
	case w == "of" && p > 0 && fgOfNouns[toks[p-1].low]:
		if toks[p-1].low == "lives" || toks[p-1].low == "bodies" {
			return KindKilled, true
		}
		if p > 1 && toks[p-2].low == "summary" {
			return KindExecuted, true
		}
		return fgKinds[toks[p-1].low], true
	case fgTransitive[w] && w != "claimed":
		if p > 0 && toks[p-1].low == "summarily" {
			return KindExecuted, true
		}
		return fgKinds[w], true
	}
	return "", false
}

// fgAmong reads "among the dead were 1,000 civilians", "those killed
// included 12 children".
func fgAmong(toks []fgTok, qs int) string {
	p := qs - 1
	if p < 0 {
		return ""
	}
	included := false
	switch toks[p].low {
	case "were", "was", "are", "is":
		p--
	case "included", "include", "includes":
		included = true
		p--
	}
	if p < 0 {
		return ""
	}
	k := fgKinds[toks[p].low]
	if k == "" {
		return ""
	}
	q := p - 1
	if q >= 0 && (toks[q].low == "the" || toks[q].low == "those") {
		if included {
			return k
		}
		q--
	}
	if q >= 0 && toks[q].low == "among" {
		return k
	}
	return ""
}

// fgToll reads a count given as a toll: "the death toll rose to 1,500",
// "the toll has climbed to 745", "a death toll of 1,383", "the number of
// people killed has risen to 200", "put the toll at 1,000".
func fgToll(toks []fgTok, qs int) string {
	for p, steps := qs-1, 0; p >= 0 && steps < 9; p, steps = p-1, steps+1 {
		t := &toks[p]
		if t.kind != fgWord {
			switch {
			case t.kind == fgNum && p > 0 && toks[p-1].low == "from" && p+1 < len(toks) && toks[p+1].low == "to":
				p-- // "the toll rose from 11 to": the old figure, and "from"
				continue
			case t.text == "," && p > 0 && fgComparatives[toks[p-1].low]:
				continue // "puts the toll higher, at"
			}
			return ""
		}
		if fgTollNouns[t.low] {
			if p > 0 {
				switch k := fgKinds[toks[p-1].low]; k {
				case "", KindKilled:
				default:
					return k // "arrest tally", "injury toll"
				}
			}
			if t.low == "count" && steps == 0 {
				return ""
			}
			return KindKilled
		}
		if k := fgKinds[t.low]; k != "" && steps > 0 {
			for q := p - 1; q >= 0 && q >= p-4; q-- {
				switch toks[q].low {
				case "number", "total", "tally", "toll", "count":
					return k
				}
			}
			if p == 0 || toks[p-1].low == "the" || toks[p-1].low == "those" || toks[p-1].text == "," {
				// "The dead numbered 40", "Deaths rose to 27".
				switch toks[p+1].low {
				case "numbered", "number", "totalled", "totaled", "stood", "reached", "rose", "climbed", "now",
					"have", "has", "increased", "jumped", "grew", "soared", "mounted":
					return k
				}
			}
			return ""
		}
		if !fgLinks[t.low] {
			return fgTollBefore(toks, p)
		}
	}
	return ""
}

// fgTollBefore reads a toll whose noun stands before a phrase ending at
// token p: "the death toll in the war has risen to", "the toll from the
// earthquake climbed to", "the number of people killed in El Fasher since
// the offensive began rose to".
func fgTollBefore(toks []fgTok, p int) string {
	for q := p - 1; q >= 0 && q >= p-12; q-- {
		if toks[q].kind != fgWord && toks[q].kind != fgNum {
			return ""
		}
		if fgTollNouns[toks[q].low] && q+1 <= p && fgTollPrepositions[toks[q+1].low] {
			if q > 0 {
				if k := fgKinds[toks[q-1].low]; k != "" && k != KindKilled {
					return k
				}
			}
			return KindKilled
		}
		if k := fgKinds[toks[q].low]; k != "" {
			for r := q - 1; r >= 0 && r >= q-4 && toks[r].kind == fgWord; r-- {
				switch toks[r].low {
				case "number", "total", "tally", "count":
					return k
				}
			}
		}
	}
	return ""
}

// fgCountAdjectives may stand between a count and a casualty noun.
var fgCountAdjectives = fgSet("associated confirmed suspected reported recorded documented additional new further related total civilian")

// fgTollPrepositions open the phrase that may follow a toll noun.
var fgTollPrepositions = fgSet("in from of on since among across for after")

// fgSubset reads a count that is part of one given before: "of whom 973
// were civilians", "including three children", "among them 12 women",
// "973 of them civilians". It returns the counted group and the token
// after it.
func fgSubset(text string, toks []fgTok, qs, cend int) (bool, string, int) {
	p := qs - 1
	if p >= 0 && fgBe[toks[p].low] {
		p--
	}
	if p >= 0 && toks[p].text == "," {
		p--
	}
	before := false
	for _, seq := range fgSubsetBefore {
		n := len(seq)
		if p-n+1 < 0 {
			continue
		}
		match := true
		for k, w := range seq {
			if toks[p-n+1+k].low != w {
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
	after := j+1 < len(toks) && toks[j].low == "of" && fgSubsetWord(toks[j+1].low)
	if after {
		j += 2
	}
	if !before && !after {
		return false, "", cend
	}
	if j < len(toks) && fgBe[toks[j].low] {
		if who, end, _, thing := fgWho(text, toks, j+1); who != "" && !thing {
			return true, who, end
		}
	}
	who, end, _, _ := fgWho(text, toks, j)
	return true, who, end
}

// fgPredicate reads the casualty predicate after a counted group: "have
// died", "had been killed", "were among the dead", "lost their lives",
// "remain missing", ", including three children, were killed". It returns
// the kind, or "" when the words after the group say nothing of
// casualties.
func fgPredicate(text string, toks []fgTok, j int) string {
	k := fgSkipAside(toks, j)
	// A count joined on: "3 soldiers and 2 civilians were killed".
	for k+1 < len(toks) && (toks[k].low == "and" || toks[k].text == ",") && fgStartsCount(toks, k+1) {
		c, ok := fgParseCount(text, toks, k+1)
		if !ok {
			break
		}
		_, end, kind, thing := fgWho(text, toks, c.end)
		if thing || kind != "" {
			break
		}
		k = end
	}
	// A place: "1,000 people in Latakia were killed".
	if k < len(toks) && (fgPlacePreps[toks[k].low] || toks[k].low == "from") {
		m := k + 1
		for m < len(toks) && m < k+6 && toks[m].kind == fgWord && !fgBe[toks[m].low] && fgKinds[toks[m].low] == "" &&
			toks[m].low != "have" && toks[m].low != "has" && toks[m].low != "had" {
			m++
		}
		if m < len(toks) && (fgBe[toks[m].low] || toks[m].low == "have" || toks[m].low == "has" || toks[m].low == "had" || fgPredicates[toks[m].low]) {
			k = m
		}
	}
	for steps := 0; k < len(toks) && steps < 9; k, steps = k+1, steps+1 {
		t := &toks[k]
		if t.kind != fgWord {
			return ""
		}
		low := t.low
		if low == "not" || low == "never" || low == "no" || strings.HasSuffix(low, "n't") {
			return ""
		}
		if kind := fgPhraseAt(toks, k); kind != "" {
			return kind
		}
		if low == "among" {
			for m := k + 1; m < len(toks) && m <= k+3; m++ {
				if kind := fgKinds[toks[m].low]; kind != "" {
					return kind
				}
				if toks[m].low != "the" && toks[m].low != "those" {
					break
				}
			}
			return ""
		}
		if fgPredicates[low] {
			return fgKinds[low]
		}
		if !fgAux[low] {
			return ""
		}
	}
	return ""
}

// fgSkipAside skips a parenthetical after a counted group when a predicate
// follows it: "12 people, including three children, were killed".
func fgSkipAside(toks []fgTok, j int) int {
	if j >= len(toks) {
		return j
	}
	open := toks[j].text
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
		if toks[m].text == closer {
			if m+1 < len(toks) && (fgAux[toks[m+1].low] || fgPredicates[toks[m+1].low]) {
				return m + 1
			}
			return j
		}
		if toks[m].text == ";" || toks[m].text == "." {
			return j
		}
	}
	return j
}

// fgPhraseAt reads a multi-word casualty phrase at token k: "lost their
// lives", "taken into custody", "shot dead".
func fgPhraseAt(toks []fgTok, k int) string {
	if k+1 >= len(toks) {
		return ""
	}
	key := toks[k].low
	for n := 1; n < 4 && k+n < len(toks); n++ {
		key += " " + toks[k+n].low
		if kind, ok := fgKindPhrases[key]; ok {
			return kind
		}
	}
	return ""
}

// ---------------------------------------------------------------------
// Places.

// fgWhere finds the place a figure's sentence names nearest its number:
// "in Latakia", "in Tartus Province", "across the coastal region".
func fgWhere(text string, toks []fgTok, num int, mentions []Mention) string {
	best, bestDist := "", 1<<30
	for k := 0; k+1 < len(toks); k++ {
		if !fgPlacePreps[toks[k].low] || toks[k+1].kind == fgNum {
			continue
		}
		place, ok := fgPlaceAt(text, toks, k+1, mentions)
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

// fgPlaceAt reads a place starting at token k: a capitalised name that is
// no organisation, person or date ("Latakia", "Tartus Province",
// "Latakia and Tartus Provinces", "Syria's coastal region"), or "the" and
// a common noun of places ("the coastal region"; "the city of Homs" →
// "Homs").
func fgPlaceAt(text string, toks []fgTok, k int, mentions []Mention) (string, bool) {
	j := k
	if j < len(toks) && toks[j].low == "the" {
		j++
	}
	if j >= len(toks) || toks[j].kind != fgWord {
		return "", false
	}
	if toks[j].upper {
		e := j
		for e < len(toks) {
			w := &toks[e]
			if w.kind == fgWord && w.upper {
				e++
				if strings.HasSuffix(w.low, "'s") {
					break
				}
				continue
			}
			if (w.low == "and" || w.low == "of") && e+1 < len(toks) && toks[e+1].upper && e > j {
				e++
				continue
			}
			break
		}
		for m := j; m < e; m++ {
			w := toks[m].low
			if fgOrgWords[w] || fgWeekdays[w] || fgMonthNames[w] || fgTitles[w] {
				return "", false
			}
		}
		name := text[toks[j].start:toks[e-1].end]
		for _, m := range mentions {
			if m.Kind != Place && (m.Text == name || m.Name == name) {
				return "", false
			}
		}
		if strings.HasSuffix(toks[e-1].low, "'s") {
			// "Syria's coastal region"; "in Syria's worst unrest" is no place.
			m := e
			for m < len(toks) && m < e+3 && toks[m].kind == fgWord && !toks[m].upper && !fgGeoNouns[toks[m].low] && !fgStop[toks[m].low] {
				m++
			}
			if m < len(toks) && fgGeoNouns[toks[m].low] {
				return text[toks[j].start:toks[m].end], true
			}
			return "", false
		}
		return name, true
	}
	if j == k {
		return "", false // a common noun needs "the": "in days of clashes" is no place
	}
	m := j
	for m < len(toks) && m < j+3 && toks[m].kind == fgWord && !toks[m].upper && !fgGeoNouns[toks[m].low] && !fgStop[toks[m].low] {
		m++
	}
	if m < len(toks) && fgGeoNouns[toks[m].low] {
		if m+2 < len(toks) && toks[m+1].low == "of" && toks[m+2].upper {
			if name, ok := fgPlaceAt(text, toks, m+2, mentions); ok {
				return name, true
			}
		}
		return text[toks[k].start:toks[m].end], true
	}
	return "", false
}

// ---------------------------------------------------------------------
// Sources.

// fgCue is an attribution in a sentence: "according to X", "X said",
// "said X", "X, which had reported".
type fgCue struct {
	verb       int // token of the reporting verb, or of "according"
	start, end int // tokens of the source
	after      bool
}

// fgFindCues finds the attributions of a sentence.
func fgFindCues(toks []fgTok) []fgCue {
	var out []fgCue
	for k := 0; k < len(toks); k++ {
		low := toks[k].low
		if (low == "according" && k+1 < len(toks) && toks[k+1].low == "to") || low == "citing" {
			s := k + 1
			if low == "according" {
				s = k + 2
			}
			e := fgNPEnd(toks, s)
			if e > s {
				out = append(out, fgCue{verb: k, start: s, end: e, after: true})
			}
			continue
		}
		if !fgReportVerbs[low] && !fgTollVerbs[low] || toks[k].kind != fgWord {
			continue
		}
		if k > 0 && (fgBe[toks[k-1].low] || toks[k-1].low == "an") {
			continue // "were reported killed", "an estimated 1,000"
		}
		if fgTollVerbs[low] {
			// "put the toll at", "gave a death toll of": a source only
			// before a toll.
			ok := false
			for m := k + 1; m < len(toks) && m <= k+4; m++ {
				if fgTollNouns[toks[m].low] || toks[m].low == "number" || toks[m].low == "figure" || toks[m].low == "figures" {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		if cue, ok := fgSubjectCue(toks, k); ok {
			out = append(out, cue)
		}
	}
	return out
}

// fgNPEnd returns the end of a source written after "according to" or an
// inverted "said": up to a comma, a clause or a date.
func fgNPEnd(toks []fgTok, s int) int {
	e := s
	for e < len(toks) && e < s+14 {
		w := &toks[e]
		if w.kind == fgPunct && w.text != "-" && w.text != "." && w.text != "&" {
			break
		}
		if w.text == "." && (e == s || !fgAbbrev(toks[e-1].low)) {
			break
		}
		if e > s && (w.low == "which" || w.low == "who" || w.low == "that" || w.low == "on" || w.low == "in" ||
			w.low == "late" || w.low == "yesterday" || w.low == "as" || w.low == "and" && fgStartsCount(toks, e+1)) {
			break
		}
		if w.kind == fgNum {
			break
		}
		e++
		if strings.HasSuffix(w.low, "'s") && e > s+1 {
			// "the observatory's figures": the source is the owner.
			break
		}
	}
	return e
}

// fgStartsCount reports whether a count starts at token i: digits, a
// number word, or "a"/"an" before "dozen", "hundred", "thousand".
func fgStartsCount(toks []fgTok, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := &toks[i]
	switch {
	case t.kind == fgNum:
		return true
	case t.kind != fgWord:
		return false
	case t.low == "a" || t.low == "an" || t.low == "few" || t.low == "several" || t.low == "half":
		if i+1 < len(toks) {
			switch toks[i+1].low {
			case "dozen", "hundred", "thousand", "million", "a", "few":
				return true
			}
		}
		return false
	}
	return fgNumberWord(t.low)
}

// fgSubjectCue reads the source of a reporting verb at token k: the
// subject before it ("the observatory said"), past an appositive
// ("Anas Khattab, the head of …, said"), the antecedent of "which"
// ("the Syrian Network …, which had reported"), or the subject after an
// inverted verb ("…, said the observatory").
func fgSubjectCue(toks []fgTok, k int) (fgCue, bool) {
	p := k - 1
	for p >= 0 && toks[p].kind == fgWord && fgCueSkip[toks[p].low] {
		p--
	}
	if p >= 0 && toks[p].text == "," {
		// "X, the head of Y, said": the appositive, then the name.
		c2 := p - 1
		for c2 >= 0 && toks[c2].text != "," && p-c2 < 14 {
			c2--
		}
		if c2 >= 0 && toks[c2].text == "," {
			b, e := fgSubjectBack(toks, c2-1)
			if e > b && fgHasCapital(toks[b:e]) {
				return fgCue{verb: k, start: b, end: e}, true
			}
			if c2+1 < p {
				return fgCue{verb: k, start: c2 + 1, end: p}, true
			}
		}
	}
	if p >= 1 && toks[p].text == ")" {
		// "the Kenya National Commission on Human Rights (KNCHR) says": the
		// name before the bracketed acronym.
		open := p - 1
		for open >= 0 && toks[open].text != "(" && p-open < 8 {
			open--
		}
		if open >= 1 && toks[open].text == "(" {
			if b, e := fgSubjectBack(toks, open-1); e > b && fgHasCapital(toks[b:e]) {
				return fgCue{verb: k, start: b, end: e}, true
			}
		}
		return fgCue{}, false
	}
	b, e := fgSubjectBack(toks, p)
	if e > b {
		if e-b == 1 && (toks[b].low == "which" || toks[b].low == "who") && b >= 2 && toks[b-1].text == "," {
			// "the Syrian Network for Human Rights, which had reported"
			b2, e2 := fgSubjectBack(toks, b-2)
			if e2 > b2 {
				return fgCue{verb: k, start: b2, end: e2}, true
			}
		}
		if fgContentWord(toks[b:e]) {
			return fgCue{verb: k, start: b, end: e}, true
		}
	}
	// Inverted: "…,” said Rami Abdulrahman, the head of the observatory.
	if k > 0 && toks[k-1].kind == fgPunct && k+1 < len(toks) {
		s := k + 1
		if e := fgNPEnd(toks, s); e > s && fgContentWord(toks[s:e]) {
			return fgCue{verb: k, start: s, end: e, after: true}, true
		}
	}
	return fgCue{}, false
}

// fgSubjectBack reads a subject backwards from token p (inclusive) to a
// comma, a clause word or a number; it returns the token range.
func fgSubjectBack(toks []fgTok, p int) (int, int) {
	e := p + 1
	b := p
	for b >= 0 && p-b < 10 {
		w := &toks[b]
		if w.kind == fgNum || w.kind == fgPunct && w.text != "-" && w.text != "." && w.text != "&" || fgSubjectStops[w.low] && w.kind == fgWord {
			break
		}
		if w.text == "." && (b == 0 || !fgAbbrev(toks[b-1].low)) {
			break
		}
		b--
	}
	return b + 1, e
}

func fgHasCapital(toks []fgTok) bool {
	for i := range toks {
		if toks[i].upper && !fgTitles[toks[i].low] && i > 0 {
			return true
		}
		if toks[i].upper && i == 0 && toks[i].low != "the" && toks[i].low != "a" && toks[i].low != "an" {
			return true
		}
	}
	return false
}

// fgContentWord reports whether a subject has a word other than a
// determiner: "the" alone is no source.
func fgContentWord(toks []fgTok) bool {
	for i := range toks {
		if toks[i].kind == fgWord && (!fgStop[toks[i].low] || fgPronouns[toks[i].low]) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------
// The article.

// fgArticle holds what extraction learns about one article while it reads
// it paragraph by paragraph.
type fgArticle struct {
	a     *Article
	dates *dateResolver
	// names are the capitalised names of each paragraph, read when a
	// short reference ("the observatory") needs one.
	names      [][]string
	lastSource string
	toks       []fgTok // the tokens of the paragraph being read, reused
}

// extractFigures fills in the figures of each paragraph of a: counts of
// people killed, wounded, missing, displaced, arrested or executed, with
// the group counted, the place, the source that reported the figure
// (resolved to a full name) and the day it was reported (resolved against
// the publication date; the publication date when the sentence gives
// none). It runs after extractMentions and extractAttribution, whose
// results it uses to resolve sources.
func extractFigures(a *Article) {
	fa := &fgArticle{a: a, dates: newDateResolver(a.Published)}
	for pi := range a.Paragraphs {
		a.Paragraphs[pi].Figures = fa.paragraph(pi)
	}
}

// paragraph extracts the figures of paragraph pi.
func (fa *fgArticle) paragraph(pi int) []Figure {
	p := &fa.a.Paragraphs[pi]
	text := p.Text
	toks := fgTokenizeAppend(fa.toks[:0], text)
	fa.toks = toks
	if len(toks) == 0 {
		return nil
	}
	bounds := fgSentenceBounds(text, toks)
	var out []Figure
	prevKind, prevSource := "", ""
	for si, b := range bounds {
		e := len(toks)
		if si+1 < len(bounds) {
			e = bounds[si+1]
		}
		st := toks[b:e]
		found := fgFindFigures(text, st, prevKind)
		if len(found) == 0 || fgHabitual(st) {
			continue
		}
		cues := fgFindCues(st)
		sources := make([]string, len(cues))
		for ci, c := range cues {
			src := text[st[c.start].start:st[c.end-1].end]
			if name := fgApposition(text, st[c.start].start, src, p.Attribution); name != "" {
				// "The Syrian Network for Human Rights (SNHR), a monitoring
				// group, said": the name, not its description.
				src = name
			}
			sources[ci] = fa.resolveSource(src, pi)
			if sources[ci] != "" {
				fa.lastSource = sources[ci]
			}
		}
		dates, past := fa.sentenceDates(text, st)
		for _, f := range found {
			ci := fgNearestCue(cues, f.num)
			if ci >= 0 {
				f.Source = sources[ci]
				f.Reported = fgCueDate(st, cues[ci], dates)
			}
			if f.Source == "" {
				if len(p.Attribution) > 0 {
					f.Source = p.Attribution[0]
				} else {
					f.Source = prevSource
				}
			}
			if f.Reported.IsZero() {
				f.Reported = fgAsOfDate(st, f, dates)
			}
			if f.Reported.IsZero() {
				// "In 2013, an attack killed 1,400 people": a figure of
				// then, not of the day of publication.
				f.Reported = fa.a.Published
				if !past.IsZero() {
					f.Reported = past
				}
			}
			f.Where = fgWhere(text, st, f.num, p.Mentions)
			out = append(out, f.Figure)
			prevKind, prevSource = f.What, f.Source
		}
	}
	return out
}

// fgApposition returns the name of names that the source phrase src, at
// byte start of text, describes in apposition: "X, a monitoring group,
// said", "X (XYZ), a monitoring group, said"; "" when src is no
// indefinite description right after one of them.
func fgApposition(text string, start int, src string, names []string) string {
	low := strings.ToLower(src)
	if !strings.HasPrefix(low, "a ") && !strings.HasPrefix(low, "an ") {
		return ""
	}
	before, ok := strings.CutSuffix(strings.TrimRight(text[:start], " "), ",")
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

// fgHabitual reports a sentence about what happens regularly, its
// casualty verb in the present, whose numbers are no report of an event:
// "road accidents kill scores of people every year", "about 300 migrants
// die each month". A report in the past stays one ("floods killed 40, and
// more rain is forecast every day this week").
func fgHabitual(st []fgTok) bool {
	habitual, present := false, false
	for k, t := range st {
		switch t.low {
		case "annually", "yearly":
			habitual = true
		case "every", "each", "per":
			for _, n := range st[k+1 : min(k+3, len(st))] {
				if fgPeriods[n.low] {
					habitual = true
				}
			}
		case "kill", "kills", "die", "dies", "injure", "injures", "wound", "wounds":
			present = true
		case "are", "is":
			if k+1 < len(st) && fgKinds[st[k+1].low] != "" {
				present = true // "are killed"
			}
		}
	}
	return habitual && present
}

// fgPeriods are the periods of habitual statements: "every year", "each
// two weeks", "per day".
var fgPeriods = fgSet("year years month months week weeks day days night nights summer winter")

// fgDate is a date expression of a sentence, by tokens.
type fgDate struct {
	first, last int // tokens, inclusive
	date        Date
}

// sentenceDates finds and resolves the date expressions of a sentence. past
// is the day the sentence places its events on when that is four weeks or
// more before publication ("In 2013, an attack killed…", "Last year,
// floods killed…", "The 2010 earthquake killed…"), zero otherwise. A
// running total ("has killed"), a sentence counting since a day ("the
// deadliest since 2019") and a comparison ("more than in 2013") are
// figures of now, and have no past.
func (fa *fgArticle) sentenceDates(text string, st []fgTok) (out []fgDate, past Date) {
	base := st[0].start
	current := slices.ContainsFunc(st, func(t fgTok) bool {
		return t.low == "has" || t.low == "have" || t.low == "since"
	})
	if pub := fa.a.Published; !pub.IsZero() && !current {
		// "The 2010 earthquake killed…": a year before the noun that opens
		// the sentence, and no count of people ("the 2000 residents").
		for k := 1; k < min(3, len(st)); k++ {
			t := st[k]
			if t.kind == fgNum && len(t.text) == 4 && (st[k-1].low == "the" || st[k-1].low == "a") &&
				k+1 < len(st) && st[k+1].kind == fgWord && !st[k+1].upper && fgKinds[st[k+1].low] == "" && !fgIsPeople(&st[k+1]) {
				if y, err := strconv.Atoi(t.text); err == nil && y >= 1900 && y < pub.Year() {
					past = Date{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}
				}
			}
		}
	}
	spans := dtSpansTokens(text, st, base)
	if len(spans) == 0 {
		return nil, past
	}
	out = make([]fgDate, 0, len(spans))
	for _, sp := range spans {
		first, last := -1, -1
		for k := range st {
			if st[k].start >= base+sp[0] && first < 0 {
				first = k
			}
			if st[k].end <= base+sp[1] {
				last = k
			}
		}
		if first < 0 || last < first {
			continue
		}
		// "since 10 May" starts a period; it is not when a figure was reported.
		if first > 0 && (st[first-1].low == "since" || st[first-1].low == "from") ||
			st[first].low == "since" || st[first].low == "from" || st[first].low == "until" {
			continue
		}
		res := fa.dates.resolve(text[base+sp[0] : base+sp[1]])
		if !res.ok {
			continue
		}
		compared := first > 0 && st[first-1].low == "than" || first > 1 && st[first-1].low == "in" && st[first-2].low == "than"
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
		out = append(out, fgDate{first: first, last: last, date: res.date})
	}
	return out, past
}

// earlier returns the earlier of two dates, ignoring zero ones.
func earlier(a, b Date) Date {
	if a.IsZero() || !b.IsZero() && b.Before(a.Time) {
		return b
	}
	return a
}

// fgNearestCue returns the cue nearest the number at token num, or -1.
func fgNearestCue(cues []fgCue, num int) int {
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

// fgCueDate returns the date attached to a reporting verb: "said on
// Sunday", "said in a statement on Friday", "on Monday said", "On Sunday,
// the observatory said", "according to figures released on Sunday".
func fgCueDate(st []fgTok, c fgCue, dates []fgDate) Date {
	for _, d := range dates {
		// After the verb, before any "that" or number.
		if d.first > c.verb && d.first <= c.verb+7 {
			clear := true
			for m := c.verb + 1; m < d.first; m++ {
				if st[m].low == "that" || st[m].kind == fgNum || st[m].kind == fgPunct && st[m].text != "," {
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
		if !c.after && d.first == 0 && d.last+2 == c.start && st[d.last+1].text == "," {
			return d.date
		}
	}
	return Date{}
}

// fgAsOfDate returns the date a figure holds at when the sentence says
// ("as of Sunday", "by Monday") or, for a toll, the day it rose ("the
// toll rose on Sunday to 1,500").
func fgAsOfDate(st []fgTok, f fgFigure, dates []fgDate) Date {
	for _, d := range dates {
		if d.first > 0 {
			prev := st[d.first-1].low
			if prev == "by" || prev == "of" && d.first > 1 && st[d.first-2].low == "as" {
				return d.date
			}
		}
		if f.toll && d.first >= f.num-6 && d.first <= f.num+5 {
			return d.date
		}
	}
	return Date{}
}

// resolveSource resolves the source as written in paragraph pi to a full
// name: "the observatory" → "Syrian Observatory for Human Rights" (from
// the paragraph's attribution, the article's mentions, or a capitalised
// name in the article containing "Observatory"), "Mr. al-Shara" → the
// mention's full name, "it" → the source before. A source it cannot
// resolve is kept as written ("a war monitor").
func (fa *fgArticle) resolveSource(raw string, pi int) string {
	para := &fa.a.Paragraphs[pi]
	toks := fgTokenize(raw)
	for len(toks) > 0 && toks[len(toks)-1].kind == fgPunct {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return ""
	}
	if len(toks) == 1 && fgPronouns[toks[0].low] {
		if len(para.Attribution) > 0 {
			return para.Attribution[0]
		}
		return fa.lastSource
	}
	raw = raw[:toks[len(toks)-1].end-toks[0].start]
	if name, ok := fgNameOf(raw, toks); ok {
		for _, at := range para.Attribution {
			if strings.EqualFold(at, name) || fgContainsFold(at, name) {
				return at
			}
		}
		if full := fa.mentionNamed(name, pi); full != "" {
			return full
		}
		return name
	}
	head := strings.TrimSuffix(toks[len(toks)-1].low, "'s")
	for _, at := range para.Attribution {
		if fgHasWord(at, head) {
			return at
		}
	}
	if fgStop[head] {
		return strings.TrimSpace(raw)
	}
	for q := pi; q >= 0; q-- {
		for _, m := range fa.a.Paragraphs[q].Mentions {
			if m.Kind != Place && m.Name != "" && fgHasWord(m.Name, head) && strings.Contains(m.Name, " ") {
				return m.Name
			}
		}
	}
	if name := fa.nameWith(head, pi); name != "" {
		return name
	}
	if (toks[0].low == "the" || toks[0].low == "this") && fgGenericHeads[head] && fa.lastSource != "" {
		return fa.lastSource
	}
	if toks[0].low == "the" && toks[0].upper {
		return "the" + raw[3:]
	}
	return raw
}

// fgNameOf returns the capitalised name a source is ("the Britain-based
// Syrian Observatory for Human Rights" → "Syrian Observatory for Human
// Rights", "Mr. al-Shara" → "al-Shara"), when the source is one: "Syrian
// officials" is no name.
func fgNameOf(raw string, toks []fgTok) (string, bool) {
	i := 0
	for i < len(toks) && (toks[i].low == "the" || toks[i].low == "a" || toks[i].low == "an" || toks[i].low == "another" ||
		fgTitles[toks[i].low] || toks[i].text == "." || fgAdjectiveHyphen(toks[i].low)) {
		i++
	}
	if i >= len(toks) {
		return "", false
	}
	e := i
	for toks[i].upper && e < len(toks) {
		w := &toks[e]
		if w.kind == fgWord && (w.upper || fgNameJoin[w.low] && e+1 < len(toks) && toks[e+1].upper) {
			e++
			continue
		}
		if w.kind == fgPunct && (w.text == "&" || w.text == "." && fgAbbrev(toks[e-1].low)) && e+1 < len(toks) {
			e++
			continue
		}
		break
	}
	if e < len(toks) {
		// A name closing the source: "the state news agency SANA"; but
		// "Syrian officials" is no name.
		e, b := len(toks), len(toks)
		for b > i && toks[b-1].kind == fgWord && (toks[b-1].upper || b-1 > i && fgNameJoin[toks[b-1].low] && b < e && toks[b-2].upper) {
			b--
		}
		if b < e && b > i && !toks[b-1].upper && (e-b >= 2 || fgLooksName(&toks[b])) {
			return raw[toks[b].start-toks[0].start : toks[e-1].end-toks[0].start], true
		}
		return "", false
	}
	if e == i+1 && !fgLooksName(&toks[i]) {
		return "", false
	}
	name := raw[toks[i].start-toks[0].start : toks[e-1].end-toks[0].start]
	return strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s"), true
}

// fgLooksName reports whether a single capitalised word can be a source's
// name rather than a capitalised common word ("Officials").
func fgLooksName(t *fgTok) bool { return !fgPeople[t.low] && !fgStop[t.low] }

// fgAdjectiveHyphen reports descriptive compounds dropped before a name:
// "Britain-based", "UK-based", "Iran-backed", "state-run".
func fgAdjectiveHyphen(w string) bool {
	for _, suf := range []string{"-based", "-backed", "-led", "-run", "-funded", "-affiliated", "-aligned", "-owned"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// mentionNamed returns the full name of the article mention written name
// ("al-Shara" → "Ahmed al-Shara"), looking back from paragraph pi first.
func (fa *fgArticle) mentionNamed(name string, pi int) string {
	ps := fa.a.Paragraphs
	for q := pi; q >= 0; q-- {
		for _, m := range ps[q].Mentions {
			if m.Name != "" && (strings.EqualFold(m.Text, name) || strings.EqualFold(m.Name, name) || fgContainsFold(m.Name, name)) {
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
func (fa *fgArticle) nameWith(head string, pi int) string {
	if len(head) < 3 {
		return ""
	}
	ps := fa.a.Paragraphs
	if fa.names == nil {
		fa.names = make([][]string, len(ps))
	}
	look := func(q int) string {
		if fa.names[q] == nil {
			fa.names[q] = fgNameRuns(ps[q].Text)
		}
		best := ""
		for _, n := range fa.names[q] {
			if len(n) > len(best) && fgHasWord(n, head) {
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

// fgNameRuns returns the capitalised names of two words or more in a text:
// "Syrian Observatory for Human Rights", "Middle East Institute".
func fgNameRuns(text string) []string {
	toks := fgTokenize(text)
	names := []string{}
	for i := 0; i < len(toks); {
		if toks[i].kind != fgWord || !toks[i].upper || fgAdjectiveHyphen(toks[i].low) {
			i++
			continue
		}
		e, caps := i, 0
		for e < len(toks) {
			w := &toks[e]
			if w.kind == fgWord && w.upper && !fgAdjectiveHyphen(w.low) {
				caps++
				e++
				if strings.HasSuffix(w.low, "'s") {
					break
				}
				continue
			}
			if w.kind == fgWord && fgNameJoin[w.low] && e+1 < len(toks) && toks[e+1].upper && e > i {
				e++
				continue
			}
			break
		}
		start := i
		if toks[start].low == "the" && start+1 < e {
			start++
			caps--
		}
		if caps >= 2 {
			names = append(names, text[toks[start].start:toks[e-1].end])
		}
		i = max(e, i+1)
	}
	return names
}

// fgHasWord reports whether name contains word as a whole word, ignoring
// case.
func fgHasWord(name, word string) bool {
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
		before := s == 0 || !fgLetter(low[s-1])
		after := e == len(low) || !fgLetter(low[e])
		if before && after {
			return true
		}
		i = s + 1
	}
}

func fgLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// fgContainsFold reports whether name contains part as whole words,
// ignoring case.
func fgContainsFold(name, part string) bool { return fgHasWord(name, strings.ToLower(part)) }
