package load

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// meta is an article's metadata as read from front matter, HTML tags or a
// JSON record, before validation.
type meta struct {
	title, source, url, published, author string
}

// apply validates m and stores it in a: an unparseable date or URL leaves
// the field empty and adds a warning.
func (m meta) apply(a *corpus.Article) {
	a.Title = CleanParagraph(m.title)
	a.Source = CleanParagraph(m.source)
	a.Author = rxBylineBy.ReplaceAllString(CleanParagraph(m.author), "")
	if u := strings.TrimSpace(m.url); u != "" {
		if validURL(u) {
			a.URL = u
		} else {
			a.Warnings = append(a.Warnings, fmt.Sprintf("url %q is not an absolute http(s) URL; left empty", u))
		}
	}
	if p := strings.TrimSpace(m.published); p != "" {
		d, err := corpus.ParseDate(p)
		if err != nil {
			a.Warnings = append(a.Warnings, fmt.Sprintf("published %q is not a date; left empty", p))
		} else {
			a.Published = d
		}
	}
}

// rxBylineBy is the "By " that starts a byline.
var rxBylineBy = regexp.MustCompile(`^(?i:by)\s+`)

func validURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}
