package bot

import (
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// Kind is what a page of answers was asked with.
type Kind byte

// Kinds of pages.
const (
	KindAsk    Kind = 'a' // /ask, a mention or a DM
	KindWho    Kind = 'w' // /who
	KindSearch Kind = 's' // /search
	KindToll   Kind = 't' // /toll
)

// Page is everything needed to show one page of answers again, so that a
// "More" button works after a restart: its custom_id holds all of it.
//
// A custom_id has at most 100 characters, so the query is stored truncated
// at a word boundary when it is longer than the room left (about 85
// characters for /ask, fewer for /search with filters): later pages of a
// very long question are answered for its first words. Outlet names are cut
// to 30 characters.
type Page struct {
	Kind   Kind
	Offset int
	Query  string // the question, name, place or search words
	Source string // /search only
	From   corpus.Date
	To     corpus.Date
}

// Custom ID prefixes.
const (
	moreAction    = "more"
	contextAction = "ctx"
)

const maxSourceInID = 30

// CustomID encodes p as a "More" button's custom_id:
// "more:<kind>:<offset>:<query>", and for /search
// "more:s:<offset>:<from>|<to>|<source>|<query>" with dates as YYYYMMDD.
func (p Page) CustomID() string {
	head := moreAction + ":" + string(p.Kind) + ":" + strconv.Itoa(p.Offset) + ":"
	if p.Kind == KindSearch {
		src := strings.ReplaceAll(cutRunes(p.Source, maxSourceInID), "|", " ")
		head += compactDate(p.From) + "|" + compactDate(p.To) + "|" + src + "|"
	}
	return head + truncateWords(p.Query, MaxCustomID-len(head))
}

// ParseCustomID decodes a "More" button's custom_id made by Page.CustomID.
func ParseCustomID(id string) (Page, bool) {
	parts := strings.SplitN(id, ":", 4)
	if len(parts) != 4 || parts[0] != moreAction || len(parts[1]) != 1 {
		return Page{}, false
	}
	p := Page{Kind: Kind(parts[1][0])}
	off, err := strconv.Atoi(parts[2])
	if err != nil || off < 0 || off > 10000 {
		return Page{}, false
	}
	p.Offset = off
	switch p.Kind {
	case KindAsk, KindWho, KindToll:
		p.Query = parts[3]
	case KindSearch:
		f := strings.SplitN(parts[3], "|", 4)
		if len(f) != 4 {
			return Page{}, false
		}
		var ok1, ok2 bool
		p.From, ok1 = parseCompactDate(f[0])
		p.To, ok2 = parseCompactDate(f[1])
		if !ok1 || !ok2 {
			return Page{}, false
		}
		p.Source, p.Query = f[2], f[3]
	default:
		return Page{}, false
	}
	return p, true
}

// ContextRef names one passage, for a "Context" button.
type ContextRef struct {
	ArticleID string
	Paragraph int
}

// CustomID encodes r as "ctx:<paragraph>:<article ID>"; ok is false when the
// article ID is too long to fit, and then no Context button is offered.
func (r ContextRef) CustomID() (string, bool) {
	id := contextAction + ":" + strconv.Itoa(r.Paragraph) + ":" + r.ArticleID
	return id, len(id) <= MaxCustomID && r.ArticleID != ""
}

// ParseContextID decodes a custom_id made by ContextRef.CustomID.
func ParseContextID(id string) (ContextRef, bool) {
	parts := strings.SplitN(id, ":", 3)
	if len(parts) != 3 || parts[0] != contextAction || parts[2] == "" {
		return ContextRef{}, false
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n < 1 {
		return ContextRef{}, false
	}
	return ContextRef{ArticleID: parts[2], Paragraph: n}, true
}

func compactDate(d corpus.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("20060102")
}

func parseCompactDate(s string) (corpus.Date, bool) {
	if s == "" {
		return corpus.Date{}, true
	}
	d, err := corpus.ParseDate(s[:min(len(s), 4)] + "-" + s[min(len(s), 4):min(len(s), 6)] + "-" + s[min(len(s), 6):])
	return d, err == nil && len(s) == 8
}

// truncateWords cuts s to at most max bytes at a word boundary (or a
// character boundary when one word is longer).
func truncateWords(s string, max int) string {
	if len(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	cut := max
	for cut > 0 && cut < len(s) && s[cut]&0xC0 == 0x80 {
		cut--
	}
	if s[cut] != ' ' {
		if i := strings.LastIndexByte(s[:cut], ' '); i > 0 {
			cut = i
		}
	}
	return strings.TrimSpace(s[:cut])
}

// cutRunes cuts s to at most n characters.
func cutRunes(s string, n int) string {
	if runeLen(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
