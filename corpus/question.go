package corpus

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus/text"
	"golang.org/x/text/unicode/norm"
)

// Intent is what kind of question was asked.
type Intent string

// Intents.
const (
	IntentWho    Intent = "who"    // who is X
	IntentFigure Intent = "figure" // death tolls and other counts
	IntentSaid   Intent = "said"   // what did X say
	IntentSearch Intent = "search" // anything else
)

// MaxQuestionLen caps the length of a question in bytes; longer questions
// are cut at a word boundary.
const MaxQuestionLen = 300

// Question is a question in plain words as newsdesk understood it. Nothing
// in it is query syntax: every field is plain text.
type Question struct {
	// Text is the cleaned question.
	Text   string `json:"text"`
	Intent Intent `json:"intent"`
	// Subject is the person or organisation asked about (who, said), as typed.
	Subject string `json:"subject,omitempty"`
	// Terms are the question's content words, lower-cased, in order, without
	// question words and filler.
	Terms []string `json:"terms,omitempty"`
	// Topic are the content words a said or figure question is about
	// besides its subject, place and source ("what did X say about the
	// attacks" → attacks; "cholera deaths in Yemen" → cholera).
	Topic []string `json:"topic,omitempty"`
	// Kinds are the kinds of figures asked about (killed, wounded…).
	Kinds []string `json:"kinds,omitempty"`
	// Who is the group a figure question counts ("civilians"), if named.
	Who string `json:"who,omitempty"`
	// Place is the place a figure question is about, if named.
	Place string `json:"place,omitempty"`
	// Source is who a figure must be reported by ("according to SNHR").
	Source string `json:"source,omitempty"`
	// Latest asks for the most recent figures first.
	Latest bool `json:"latest,omitempty"`
	// On is a day the question names ("on 9 March"); its Year is 0 when
	// the question gave none.
	On Day `json:"on,omitzero"`
	// Year is a year a figure question names on its own ("the 2015
	// heatwave", "in 2019"), 0 when none; "since 2011" names none. Other
	// questions keep the year among their Terms.
	Year int `json:"year,omitempty"`
}

// Day is a calendar day whose year may be unknown (0).
type Day struct {
	Year  int        `json:"year,omitempty"`
	Month time.Month `json:"month"`
	Day   int        `json:"day"`
}

// IsZero reports whether no day was named.
func (d Day) IsZero() bool { return d.Month == 0 }

// In returns the day in year when d has no year of its own.
func (d Day) In(year int) Date {
	if d.Year != 0 {
		year = d.Year
	}
	return Date{time.Date(year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)}
}

var (
	discordMention = regexp.MustCompile(`<(@[!&]?|#)\d+>`)
	monthNames     = map[string]time.Month{
		"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
		"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
		"september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
		"december": 12, "dec": 12,
	}
	monthPattern = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`
	dayFirst     = regexp.MustCompile(`(?i)\b(?:on\s+|of\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPattern + `(?:,?\s+(\d{4}))?\b`)
	monthFirst   = regexp.MustCompile(`(?i)\b(?:on\s+)?` + monthPattern + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`)
	isoDate      = regexp.MustCompile(`\b(?:on\s+)?(\d{4})-(\d{2})-(\d{2})\b`)

	// Question shapes, matched against the lower-cased question.
	saidShape   = regexp.MustCompile(`^(?:so\s+)?(?:what|wat|wht)\s+(?:did|does|do|has|have|had|is|was|are|were)\s+(.+?)\s+(?:say|said|says|saying|tell|told|telling|report|reported|reporting|claim|claimed|claiming|announce|announced|state|stated|think|thinks|reveal|revealed)\b(?:\s+(?:about|on|regarding|of|concerning)\s+(.+))?`)
	saidShape2  = regexp.MustCompile(`^(?:quotes?|statements?|comments?|remarks?|claims?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:about|on|regarding)\s+(.+))?$`)
	whoShape    = regexp.MustCompile(`^(?:who\s*(?:is|was|s|'s|are|were)|whos|whose|who're|tell\s+me\s+about|what\s+do\s+(?:we|you)\s+know\s+about|what\s+about|info\s+(?:on|about)|profile\s+of|background\s+on)\s+(.+)$`)
	whatIsShape = regexp.MustCompile(`^(?i:what(?:\s+is|\s+are|\s+was|'s|s)\s+(?:the\s+)?)(.+?)[?!.\s]*$`)
	// A "who" question about a role rather than a name: "who is the head of…".
	roleSubject  = regexp.MustCompile(`^(?:the|a|an|responsible|behind|in\s+charge|leading|running|heading|killing|attacking|fighting|to\s+blame|accused|blamed|involved)\b`)
	sourceClause = regexp.MustCompile(`\b(?:according\s+to|reported\s+by|as\s+reported\s+by|per|by)\s+(.+)$`)
	placeClause  = regexp.MustCompile(`\b(?:in|across|near|around|inside|at)\s+(.+)$`)
)

// questionFiller are words that carry no content in a question.
var questionFiller = map[string]bool{
	"who": true, "whos": true, "whom": true, "what": true, "whats": true, "which": true, "when": true, "where": true,
	"why": true, "how": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"do": true, "does": true, "did": true, "done": true, "has": true, "have": true, "had": true,
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "at": true, "for": true,
	"about": true, "and": true, "or": true, "me": true, "us": true, "we": true, "you": true, "i": true,
	"tell": true, "please": true, "know": true, "info": true, "information": true, "any": true, "there": true,
	"can": true, "could": true, "would": true, "should": true, "give": true, "show": true, "find": true,
	"news": true, "latest": true, "current": true, "newest": true, "recent": true, "updated": true, "update": true,
	"now": true, "so": true, "far": true, "many": true, "much": true, "number": true, "it": true, "its": true,
	"this": true, "that": true, "these": true, "those": true, "with": true, "by": true, "from": true, "as": true,
	"say": true, "said": true, "says": true, "saying": true, "according": true, "some": true, "get": true,
	"let": true, "lets": true, "hey": true, "hi": true, "pls": true, "plz": true, "whats's": true, "go": true,
	// "what happened in Tartus", "what's the situation in Homs": the place is the question.
	"happened": true, "happen": true, "happening": true, "going": true, "situation": true, "anything": true,
	"something": true, "things": true, "thing": true,
}

// actNouns name acts rather than their victims: a question about them
// asks for the acts unless it asks how many.
var actNouns = map[string]bool{"executions": true, "killings": true, "arrests": true, "detentions": true}

// lightVerbs say little of what a figure counts: "how many people took
// refuge", "how many got out".
var lightVerbs = map[string]bool{
	"took": true, "take": true, "taken": true, "taking": true, "made": true, "make": true, "got": true, "get": true,
	"gotten": true, "had": true, "have": true, "has": true, "gave": true, "give": true, "given": true, "put": true,
	"went": true, "go": true, "gone": true, "came": true, "come": true, "left": true, "remain": true, "remained": true,
	"still": true, "recorded": true, "reported": true, "counted": true, "confirmed": true,
	// Prepositions of time, too: "missing after the quake".
	"after": true, "before": true, "during": true, "since": true, "following": true, "amid": true,
}

// figureWords maps the words of a figure question to the figure kinds they
// ask about. "death toll", "casualties", "died" all ask for killed.
var figureWords = map[string][]string{
	"toll": {"killed"}, "tolls": {"killed"}, "killed": {"killed"}, "kill": {"killed"}, "killing": {"killed"},
	"killings": {"killed"}, "dead": {"killed"}, "died": {"killed"}, "die": {"killed"}, "death": {"killed"},
	"deaths": {"killed"}, "fatalities": {"killed"}, "fatality": {"killed"}, "slain": {"killed"},
	"casualties": {"killed", "wounded"}, "casualty": {"killed", "wounded"}, "victims": {"killed"},
	"executed": {"executed", "killed"}, "executions": {"executed", "killed"},
	"wounded": {"wounded"}, "injured": {"wounded"}, "injuries": {"wounded"}, "hurt": {"wounded"},
	"missing": {"missing"}, "disappeared": {"missing"},
	"displaced": {"displaced"}, "fled": {"displaced"}, "refuge": {"displaced"}, "sheltering": {"displaced"}, "evacuated": {"displaced"},
	"homeless": {"displaced"},
	"arrested": {"arrested"}, "arrests": {"arrested"}, "detained": {"arrested"}, "detentions": {"arrested"},
	"rescued": {"rescued"}, "survivors": {"rescued"}, "saved": {"rescued"},
}

// intentVocabulary are words whose misspellings are corrected before the
// question is read ("latset death tol" → "latest death toll").
var intentVocabulary = []string{
	"latest", "death", "toll", "killed", "casualties", "fatalities", "wounded", "injured", "displaced",
	"arrested", "executed", "missing", "civilians", "people", "according", "statement", "observatory",
	"deaths", "died", "dead", "rescued", "survivors",
}

// groupWords are the groups a figure question may count.
var groupWords = map[string]string{
	"civilians": "civilians", "civilian": "civilians", "people": "people", "persons": "people",
	"children": "children", "kids": "children", "women": "women", "soldiers": "soldiers",
	"fighters": "fighters", "militants": "fighters", "gunmen": "gunmen", "protesters": "protesters",
	"journalists": "journalists", "police": "police", "refugees": "refugees", "officers": "officers", "troops": "soldiers",
	"personnel": "security personnel", "security": "security personnel", "members": "",
}

// CleanQuestion makes user text safe to read: Discord mentions and control
// characters removed, Unicode NFC, curly quotes straightened, whitespace
// collapsed, and the length capped at max bytes on a word boundary.
func CleanQuestion(s string, max int) string {
	s = strings.ToValidUTF8(s, " ")
	s = discordMention.ReplaceAllString(s, " ")
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			return '\''
		case r == '\u201c' || r == '\u201d':
			return '"'
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(s[:cut], ' '); i > max/2 {
			cut = i
		}
		s = strings.TrimSpace(s[:cut])
	}
	return s
}

// ParseQuestion reads a question in plain words. It never fails: any text
// is a question, and none of it is query syntax.
func ParseQuestion(s string) Question {
	text := CleanQuestion(s, MaxQuestionLen)
	q := Question{Text: text, Intent: IntentSearch}
	if text == "" {
		return q
	}
	// Work on a lower-cased copy with punctuation that carries no meaning removed.
	lower := strings.ToLower(text)
	lower, q.On = extractDay(lower)
	if q.On.IsZero() {
		lower, q.Year = extractYear(lower)
	}
	lower = strings.Trim(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || r == '\'' || r == '-' {
			return r
		}
		return ' '
	}, lower), " '-")
	words := correctWords(strings.Fields(lower))
	lower = strings.Join(words, " ")
	q.Terms = contentWords(words)
	if len(words) > 1 && words[0] == "how" && (words[1] == "long" || words[1] == "far" || words[1] == "often" || words[1] == "much") {
		// "how long did firefighters fight…": the answer is a duration,
		// not a passage with "long".
		q.Terms = slices.DeleteFunc(q.Terms, func(w string) bool { return w == words[1] })
	}

	switch {
	case matchSaid(&q, lower):
	case matchWho(&q, lower, text):
	case matchFigure(&q, words, lower):
	default:
		q.Latest = hasAny(words, "latest", "newest", "recent", "current", "now")
	}
	if q.Year != 0 && q.Intent != IntentFigure {
		// Only figures carry the day they count; elsewhere the year is a
		// word the passage should have.
		q.Terms = append(q.Terms, strconv.Itoa(q.Year))
		q.Year = 0
	}
	return q
}

func matchSaid(q *Question, lower string) bool {
	m := saidShape.FindStringSubmatch(lower)
	if m == nil {
		m = saidShape2.FindStringSubmatch(lower)
	}
	if m == nil {
		return false
	}
	subject := strings.TrimSpace(m[1])
	if subject == "" || subject == "it" || subject == "they" || subject == "people" {
		return false
	}
	q.Intent, q.Subject = IntentSaid, subject
	if len(m) > 2 && m[2] != "" {
		q.Topic = contentWords(strings.Fields(m[2]))
	}
	return true
}

func matchWho(q *Question, lower, original string) bool {
	m := whoShape.FindStringSubmatch(lower)
	if m == nil {
		// "What is Hayat Tahrir al-Sham?": a name, capitalised as typed.
		if w := whatIsShape.FindStringSubmatch(original); w != nil && looksLikeName(w[1]) {
			q.Intent, q.Subject = IntentWho, strings.ToLower(strings.TrimSpace(w[1]))
			return true
		}
		// A bare name: "Ghiath Dallah?" — every word capitalised in the original.
		words := strings.Fields(strings.Trim(original, "?!. "))
		if len(words) == 0 || len(words) > 4 {
			return false
		}
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			lw := strings.ToLower(w)
			if !unicode.IsUpper(r) && !isParticleWord(lw) || questionFiller[lw] {
				return false
			}
			if _, ok := figureWords[lw]; ok {
				return false
			}
		}
		if len(words) == 1 && len(words[0]) < 4 {
			return false
		}
		q.Intent, q.Subject = IntentWho, strings.Trim(original, "?!. ")
		return true
	}
	subject := strings.TrimSpace(m[1])
	asksWho := strings.HasPrefix(lower, "who")
	if asksWho && roleSubject.MatchString(subject) || len(strings.Fields(subject)) > 5 {
		return false
	}
	q.Intent, q.Subject = IntentWho, subject
	return true
}

// looksLikeName reports whether every word of s is capitalised, a name
// particle or a short joining word, and s names no figure: "Syrian
// Observatory for Human Rights", "Hayat Tahrir al-Sham".
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	capitals := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		switch {
		case figureWords[lw] != nil:
			return false
		case unicode.IsUpper(r):
			capitals++
		case isParticleWord(lw) || lw == "for" || lw == "of" || lw == "the" || lw == "and":
		default:
			return false
		}
	}
	return capitals > 0
}

func isParticleWord(w string) bool {
	switch w {
	case "al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "van", "von", "al-", "el-":
		return true
	}
	return strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")
}

func matchFigure(q *Question, words []string, lower string) bool {
	seen := map[string]bool{}
	for _, w := range words {
		for _, k := range figureWords[w] {
			if !seen[k] {
				seen[k] = true
				q.Kinds = append(q.Kinds, k)
			}
		}
	}
	howMany := strings.Contains(lower, "how many") || strings.Contains(lower, "number of") ||
		hasAny(words, "toll", "tolls", "figure", "figures", "count", "casualties", "statistics", "stats", "tally")
	for _, w := range words {
		if g, ok := groupWords[w]; ok && g != "" && q.Who == "" {
			q.Who = g
		}
	}
	if !howMany && !hasAny(words, "latest", "newest", "total") && !slices.ContainsFunc(words, func(w string) bool {
		return figureWords[w] != nil && !actNouns[w]
	}) {
		// "executions in Suwayda", "arrests in Damascus": the acts, told,
		// not a count of them.
		q.Kinds = nil
		return false
	}
	if len(q.Kinds) == 0 {
		switch {
		case !howMany:
			return false
		case countsOther(words):
			// "how many cholera cases", "how many schools": a count,
			// but not of casualties.
			return false
		case q.Who == "refugees":
			q.Kinds = []string{"displaced"}
		default:
			q.Kinds = []string{"killed"}
		}
	}
	rest := lower
	if m := sourceClause.FindStringSubmatchIndex(rest); m != nil {
		src := strings.TrimSpace(rest[m[2]:m[3]])
		if !isFigureFiller(src) {
			q.Source = trimFiller(src)
			rest = rest[:m[0]]
		}
	}
	if m := placeClause.FindStringSubmatch(rest); m != nil {
		place := trimFiller(m[1])
		if i := strings.Index(place+" ", "'s "); i > 0 {
			place = place[:i] // "india's heatwave": the place, then the topic
		}
		if place != "" && !isFigureFiller(place) {
			q.Place = place
		}
	}
	// What the figures are about besides place and source: "cholera deaths",
	// "toll from the earthquake".
	named := strings.Fields(q.Place + " " + q.Source)
	for _, w := range q.Terms {
		_, group := groupWords[w]
		if figureWords[w] == nil && !group && !slices.Contains(named, w) && !isFigureFiller(w) && !lightVerbs[w] {
			q.Topic = append(q.Topic, w)
		}
	}
	// "executions of Alawite families" names a kind of figure but asks for
	// no count: it is a search.
	if !howMany && len(q.Topic) > 0 {
		q.Kinds, q.Who, q.Place, q.Source, q.Topic = nil, "", "", "", nil
		return false
	}
	q.Intent = IntentFigure
	q.Latest = true
	return true
}

// countsOther reports whether a "how many" question counts something
// other than people: the word after "how many" is neither a group of
// people nor a casualty word.
func countsOther(words []string) bool {
	for i := 0; i+2 < len(words); i++ {
		if words[i] == "how" && words[i+1] == "many" {
			next := words[i+2]
			_, group := groupWords[next]
			return !group && figureWords[next] == nil && !questionFiller[next]
		}
	}
	return false
}

// isFigureFiller reports whether s is only words that belong to the figure
// question itself ("in total", "so far", "the clashes").
func isFigureFiller(s string) bool {
	for _, w := range strings.Fields(s) {
		if _, ok := figureWords[w]; ok {
			continue
		}
		if _, ok := groupWords[w]; ok {
			continue
		}
		switch w {
		case "total", "all", "far", "clashes", "violence", "fighting", "attacks", "attack", "unrest":
			continue
		}
		if !questionFiller[w] {
			return false
		}
	}
	return true
}

// trimFiller drops filler words from both ends of a phrase.
func trimFiller(s string) string {
	words := strings.Fields(s)
	for len(words) > 0 && (questionFiller[words[0]] || groupWords[words[0]] != "" || figureWords[words[0]] != nil) {
		words = words[1:]
	}
	for len(words) > 0 {
		last := words[len(words)-1]
		if questionFiller[last] || figureWords[last] != nil || last == "total" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// contentWords returns the words that are not filler, deduplicated.
func contentWords(words []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words {
		w = strings.Trim(w, "'-")
		if w == "" || questionFiller[w] || seen[w] {
			continue
		}
		if strings.HasSuffix(w, "'s") {
			w = strings.TrimSuffix(w, "'s")
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

func hasAny(words []string, want ...string) bool {
	for _, w := range words {
		for _, x := range want {
			if w == x {
				return true
			}
		}
	}
	return false
}

// questionWordTypos are question words typed short or scrambled in chat.
var questionWordTypos = map[string]string{"hw": "how", "hwo": "how", "wat": "what", "wht": "what", "waht": "what", "whta": "what"}

// correctWords fixes misspellings of the few words that decide what a
// question asks ("latset" → "latest", "tol" → "toll").
func correctWords(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w
		if q, ok := questionWordTypos[w]; ok {
			out[i] = q // "hw many"
			continue
		}
		if len(w) < 3 || questionFiller[w] || figureWords[w] != nil {
			continue
		}
		for _, v := range intentVocabulary {
			// Short words are corrected only by a missing letter ("tol" → "toll"),
			// so that real words one letter away ("head", "dad") stay as typed.
			if len(w) <= 4 && len(v) == len(w)+1 && text.EditDistance(w, v, 1) == 1 ||
				len(w) > 4 && abs(len(v)-len(w)) <= 1 && text.EditDistance(w, v, 1) == 1 {
				out[i] = v
				break
			}
			if len(w) >= 6 && abs(len(v)-len(w)) <= 1 && transposed(w, v) {
				out[i] = v
				break
			}
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// transposed reports whether a and b differ by one swap of adjacent letters.
func transposed(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
		}
	}
	return false
}

// yearAlone finds a year named on its own: not "since 2011".
var yearAlone = regexp.MustCompile(`(^|\s)((?:in|of|during)\s+)?((?:19|20)\d{2})\b`)

// countedPeople are nouns a number before them counts, beside groupWords:
// "2000 residents" is a count, not a year.
var countedPeople = map[string]bool{
	"residents": true, "inhabitants": true, "villagers": true, "migrants": true, "patients": true,
	"workers": true, "students": true, "prisoners": true, "detainees": true, "families": true,
	"men": true, "households": true, "victims": true, "survivors": true,
}

// extractYear removes a year the question names on its own ("the 2015
// heatwave", "in 2019") and returns it; a year after "since", "from",
// "until", "before" or "after" is a bound, not the year asked about.
func extractYear(lower string) (string, int) {
	for _, m := range yearAlone.FindAllStringSubmatchIndex(lower, -1) {
		before := strings.Fields(lower[:m[0]])
		if n := len(before); n > 0 {
			switch before[n-1] {
			case "since", "from", "until", "till", "before", "after", "by":
				continue // the bound of a period, not the year asked about
			}
		}
		if after := strings.Fields(lower[m[1]:]); len(after) > 0 && (groupWords[after[0]] != "" || figureWords[after[0]] != nil || countedPeople[after[0]]) {
			continue // a count: "the 2000 residents", "2000 killed"
		}
		y, _ := strconv.Atoi(lower[m[6]:m[7]])
		return lower[:m[0]] + " " + lower[m[1]:], y
	}
	return lower, 0
}

// extractDay finds a day named in the question ("on 9 March", "March 9,
// 2025", "2025-03-09") and returns the question without it.
func extractDay(lower string) (string, Day) {
	if m := isoDate.FindStringSubmatchIndex(lower); m != nil {
		y, _ := strconv.Atoi(lower[m[2]:m[3]])
		mo, _ := strconv.Atoi(lower[m[4]:m[5]])
		d, _ := strconv.Atoi(lower[m[6]:m[7]])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return lower[:m[0]] + lower[m[1]:], Day{Year: y, Month: time.Month(mo), Day: d}
		}
	}
	if m := dayFirst.FindStringSubmatchIndex(lower); m != nil {
		d, _ := strconv.Atoi(lower[m[2]:m[3]])
		day := Day{Month: monthNames[lower[m[4]:m[5]]], Day: d}
		if m[6] >= 0 {
			day.Year, _ = strconv.Atoi(lower[m[6]:m[7]])
		}
		if d >= 1 && d <= 31 {
			return lower[:m[0]] + lower[m[1]:], day
		}
	}
	if m := monthFirst.FindStringSubmatchIndex(lower); m != nil {
		d, _ := strconv.Atoi(lower[m[4]:m[5]])
		day := Day{Month: monthNames[lower[m[2]:m[3]]], Day: d}
		if m[6] >= 0 {
			day.Year, _ = strconv.Atoi(lower[m[6]:m[7]])
		}
		// "may 5" is a date, but "may" alone is a verb; the pattern needs a day.
		if d >= 1 && d <= 31 {
			return lower[:m[0]] + lower[m[1]:], day
		}
	}
	return lower, Day{}
}
