package load

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
)

// finishArticle numbers the body items that are not headings as the
// article's paragraphs and falls back to a title from the file name.
func finishArticle(a corpus.Article, name string, items []textItem) (corpus.Article, error) {
	var (
		texts  []string
		judged []bool
	)
	for _, it := range items {
		if it.heading == 0 {
			texts = append(texts, it.text)
			judged = append(judged, it.judged)
		}
	}
	a.Paragraphs = numberJudged(texts, judged)
	if len(a.Paragraphs) == 0 {
		return corpus.Article{}, fmt.Errorf("%w after cleaning", ErrNoText)
	}
	if a.Title == "" {
		a.Title = titleFromName(name)
	}
	if a.Source == "" {
		a.Source = datelineAgency(a.Paragraphs[0].Text)
	}
	return a, nil
}

// datelineRE matches a wire dateline naming its agency: "BUKAVU, Congo,
// March 14 (Reuters) -", "KINSHASA, Congo (AP) —".
var datelineRE = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'/-]{1,40}(?:,[^()]{0,50})?\s*\((Reuters|AP|AFP|Associated Press|Agence France-Presse|Bloomberg|Xinhua|Anadolu|dpa|UPI|PTI|ANI|IANS|Kyodo|Yonhap|EFE|ANSA)\)`)

// datelineAgency returns the news agency an article's first paragraph
// names in its dateline, or "".
func datelineAgency(first string) string {
	m := datelineRE.FindStringSubmatch(first)
	if m == nil {
		return ""
	}
	switch m[1] {
	case "AP":
		return "Associated Press"
	case "AFP":
		return "Agence France-Presse"
	}
	return m[1]
}

// titleFromItems picks a title when the article has none: the first
// heading when it comes before the body text (or is the only level-1
// heading), else the first item when it reads like a headline and more
// text follows. The item that gives the title is removed.
func titleFromItems(items []textItem) (string, []textItem) {
	for i, it := range items {
		if it.heading > 0 {
			return it.text, append(items[:i:i], items[i+1:]...)
		}
		break
	}
	for i, it := range items {
		if it.heading == 1 {
			return it.text, append(items[:i:i], items[i+1:]...)
		}
	}
	if len(items) >= 2 && items[0].lines == 1 && looksLikeHeadline(CleanParagraph(items[0].text)) {
		return CleanParagraph(items[0].text), items[1:]
	}
	return "", items
}

// dropHeadingSameAs removes a heading that repeats the title.
func dropHeadingSameAs(items []textItem, title string) []textItem {
	for i, it := range items {
		if it.heading > 0 && strings.EqualFold(it.text, title) {
			return append(items[:i:i], items[i+1:]...)
		}
	}
	return items
}

// looksLikeHeadline reports whether a line reads like a headline: two to
// twenty words, starting with a capital letter or digit, and not ending
// like a sentence or clause (a final "?" or "!" is allowed).
func looksLikeHeadline(s string) bool {
	words := len(strings.Fields(s))
	if words < 2 || words > 20 || utf8.RuneCountInString(s) > 160 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "“‘\"'([ "))
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "”’\"')] "))
	return !strings.ContainsRune(".,;:…", last)
}

// rxByline matches a byline: "By Jane Doe", "By Jane Doe and John Roe".
var rxByline = regexp.MustCompile(`^(?:By|BY|by)\s+(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|and|&|de|al|bin|van|von|der)|,)*)$`)

// bylineFromItems removes a byline ("By Jane Doe") from the first three
// items, using it as the author when none is known.
func bylineFromItems(author string, items []textItem) (string, []textItem) {
	for i, it := range items[:min(3, len(items))] {
		if it.heading != 0 || it.lines != 1 {
			continue
		}
		line := CleanParagraph(it.text)
		if len(strings.Fields(line)) > 10 {
			continue
		}
		if m := rxByline.FindStringSubmatch(line); m != nil {
			if author == "" {
				author = strings.TrimRight(m[1], ", ")
			}
			return author, append(items[:i:i], items[i+1:]...)
		}
	}
	return author, items
}

// titleFromName makes a title of a file name: its base without extension,
// with underscores and hyphens as spaces and the first letter capitalised.
func titleFromName(name string) string {
	base := path.Base(name)
	if i := strings.Index(base, "#"); i > 0 {
		base = base[:i]
	}
	base = strings.TrimSuffix(base, path.Ext(base))
	base = strings.Join(strings.FieldsFunc(base, func(r rune) bool {
		return r == '_' || r == '-' || r == '.' || unicode.IsSpace(r)
	}), " ")
	if base == "" {
		return name
	}
	r, size := utf8.DecodeRuneInString(base)
	return string(unicode.ToUpper(r)) + base[size:]
}
