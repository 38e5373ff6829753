package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsdesk/newsdesk/corpus"
)

// resolveGenericSpeakers replaces a speaker written as a bare definite
// description ("the ministry", "The agency") with the fuller name the
// article gave it earlier or in the same paragraph ("Sudan's health
// ministry", "the Interior Ministry"), in attributions, quotes and figure
// sources. Names the mention extractor resolved are left as they are.
func resolveGenericSpeakers(a *corpus.Article) {
	// For each noun met, the fuller name each paragraph gives it ("" for
	// none): every paragraph is read once per noun, not once per speaker.
	names := map[string][]string{}
	for i := range a.Paragraphs {
		p := &a.Paragraphs[i]
		resolve := func(s string) string {
			noun, ok := genericSpeakerNoun(s)
			if !ok {
				return s
			}
			found, ok := names[noun]
			if !ok {
				re := regexp.MustCompile(strings.ReplaceAll(fullerNamePattern, "%[1]s", regexp.QuoteMeta(noun)))
				found = make([]string, len(a.Paragraphs))
				for k := range a.Paragraphs {
					found[k] = fullerName(re, a.Paragraphs[k].Text, noun)
				}
				names[noun] = found
			}
			for k := i; k >= 0; k-- {
				if found[k] != "" {
					return found[k]
				}
			}
			return s
		}
		for j, s := range p.Attribution {
			p.Attribution[j] = resolve(s)
		}
		p.Attribution = distinct(p.Attribution)
		for j := range p.Quotes {
			p.Quotes[j].Speaker = resolve(p.Quotes[j].Speaker)
		}
		for j := range p.Figures {
			p.Figures[j].Source = resolve(p.Figures[j].Source)
		}
	}
}

// genericSpeakerNoun returns the noun of "the ministry" or "The agency":
// a definite article and one lower-case word.
func genericSpeakerNoun(s string) (string, bool) {
	words := strings.Fields(s)
	if len(words) != 2 || !strings.EqualFold(words[0], "the") {
		return "", false
	}
	r := []rune(words[1])
	if len(r) < 3 || !unicode.IsLower(r[0]) {
		return "", false
	}
	return words[1], true
}

// fullerNamePattern finds "<Name>'s health ministry", "the Interior
// Ministry", "Ministry of Health" around a noun; %s is the noun.
const fullerNamePattern = `\b(?:[A-Z][\p{L}-]+(?:['’]s)?(?:\s+[a-z][\p{L}-]+){0,2}\s+(?i:%[1]s)|(?:[A-Z][\p{L}-]+\s+){1,3}(?i:%[1]s)|(?i:%[1]s)\s+of\s+(?:[A-Z][\p{L}-]+\s*){1,3})`

// fullerName returns the first name in text that re (fullerNamePattern
// for noun) finds, other than the bare description itself.
func fullerName(re *regexp.Regexp, txt, noun string) string {
	for _, m := range re.FindAllString(txt, -1) {
		m = strings.TrimSpace(m)
		words := strings.Fields(m)
		first := words[0]
		if strings.EqualFold(first, "the") || strings.EqualFold(first, "a") || strings.EqualFold(m, noun) {
			continue
		}
		if !strings.EqualFold(first, noun) && slices.ContainsFunc(words[1:len(words)-1], func(w string) bool {
			w = strings.ToLower(w)
			return functionWords[w] || determinerWords[w]
		}) {
			continue // "According to the committee" names no committee
		}
		return m
	}
	return ""
}

// distinct drops repeated entries, ignoring case, keeping the first.
func distinct(list []string) []string {
	var out nameList
	for _, s := range list {
		out.add(s)
	}
	return out.list
}
