package load

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsdesk/newsdesk/corpus"
)

// maxHTMLElements bounds the elements readability scores in one page.
const maxHTMLElements = 200_000

// parseHTML reads an .html or .htm article: the body is the main
// content readability extracts, split at its block elements (paragraphs,
// headings, list items…); the metadata comes from the page's standard
// tags: og:title or <title>, og:site_name, article:published_time, the
// canonical link and the author meta tag, with readability's own findings
// (JSON-LD included) as a fallback.
func parseHTML(name string, data []byte) (corpus.Article, error) {
	text, err := decodeArticleText(data)
	if err != nil {
		return corpus.Article{}, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return corpus.Article{}, fmt.Errorf("%w: %w", ErrNoText, err)
	}
	m, pageTitle := htmlMeta(doc)
	narrowToArticle(doc)
	body, rm, err := extractReadable(doc)
	if err != nil {
		return corpus.Article{}, err
	}
	m.title = firstNonEmpty(m.title, rm.title, pageTitle)
	m.source = firstNonEmpty(m.source, rm.source)
	m.author = firstNonEmpty(m.author, rm.author)
	m.published = firstNonEmpty(m.published, rm.published)

	a := corpus.Article{ID: name, Path: name, Hash: hashBytes(data)}
	m.apply(&a)
	if a.Published.IsZero() && !rm.publishedTime.IsZero() {
		// readability read a date format that ParseDate does not.
		a.Published = corpus.DateOf(rm.publishedTime)
		a.Warnings = dropWarnings(a.Warnings, "published ")
	}
	var texts []string
	for _, b := range body {
		if b.heading > 0 && strings.EqualFold(CleanParagraph(b.text), a.Title) {
			continue // the headline repeated in the body
		}
		texts = append(texts, b.text)
	}
	texts = dropTrailingTeasers(texts)
	a.Paragraphs = numberParagraphs(texts)
	if len(a.Paragraphs) == 0 {
		return corpus.Article{}, fmt.Errorf("%w: no article text found in the page", ErrNoText)
	}
	if a.Title == "" {
		a.Title = titleFromName(name)
	}
	return a, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// dropWarnings removes the warnings that start with prefix.
func dropWarnings(ws []string, prefix string) []string {
	var out []string
	for _, w := range ws {
		if !strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}

// htmlMeta reads the metadata tags of a page, and the text of its <title>.
func htmlMeta(doc *html.Node) (m meta, pageTitle string) {
	var ogURL string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if pageTitle == "" {
					pageTitle = textOf(n)
				}
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					break
				}
				switch key {
				case "og:title":
					setOnce(&m.title, content)
				case "og:site_name":
					setOnce(&m.source, content)
				case "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created":
					setOnce(&m.published, content)
				case "author", "dc.creator", "article:author":
					if !strings.Contains(content, "://") { // article:author is often a profile URL
						setOnce(&m.author, content)
					}
				case "og:url":
					setOnce(&ogURL, content)
				}
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") {
					setOnce(&m.url, strings.TrimSpace(attr(n, "href")))
				}
			case atom.Body:
				if m.title != "" && m.url != "" {
					return // metadata lives in <head>; the body is only searched when it is incomplete
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.url == "" {
		m.url = ogURL
	}
	return m, pageTitle
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// readableMeta is what readability found about the page (JSON-LD included).
type readableMeta struct {
	meta
	publishedTime time.Time
}

// extractReadable runs readability on doc, which it changes, and returns
// the blocks of the main content and readability's metadata. A panic of
// the library on hostile markup becomes an error.
func extractReadable(doc *html.Node) (blocks []textItem, rm readableMeta, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: readability failed on the page: %v", ErrNoText, r)
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLElements
	p.Logger = slog.New(slog.DiscardHandler) // its default still formats every record
	art, err := p.ParseAndMutate(doc, nil)
	if err != nil {
		return nil, rm, fmt.Errorf("%w: %w", ErrNoText, err)
	}
	rm.title, rm.source, rm.author = art.Title(), art.SiteName(), art.Byline()
	if t, err := art.PublishedTime(); err == nil {
		rm.publishedTime = t
	}
	if art.Node == nil {
		return nil, rm, fmt.Errorf("%w: no article text found in the page", ErrNoText)
	}
	w := &blockWalker{}
	w.walk(art.Node)
	w.flush()
	return w.items, rm, nil
}

// blockWalker splits extracted HTML into paragraphs at block elements.
type blockWalker struct {
	items []textItem
	buf   strings.Builder
}

func (w *blockWalker) flush() {
	if strings.TrimSpace(w.buf.String()) != "" {
		w.items = append(w.items, textItem{text: w.buf.String(), lines: 1})
	}
	w.buf.Reset()
}

func (w *blockWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.buf.WriteString(n.Data)
		return
	case html.ElementNode:
		if skippedElement(n) {
			return
		}
		if n.DataAtom == atom.Br {
			w.buf.WriteByte('\n')
			return
		}
		if level := headingLevel(n.DataAtom); level > 0 {
			w.flush()
			if t := textOf(n); t != "" {
				w.items = append(w.items, textItem{text: t, heading: level, lines: 1})
			}
			return
		}
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom]
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	}
}

// blockElements end the paragraph before them and start a new one.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Body: true, atom.Caption: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

// skippedElement reports whether n holds no article text: scripts, styles,
// navigation, headers and footers, forms, embedded media, figures (their
// captions are mostly credits) and anything hidden.
func skippedElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Footer, atom.Header, atom.Aside, atom.Form,
		atom.Button, atom.Svg, atom.Math, atom.Figure, atom.Figcaption, atom.Iframe, atom.Template, atom.Select,
		atom.Input, atom.Textarea, atom.Label, atom.Object, atom.Embed, atom.Video, atom.Audio, atom.Canvas,
		atom.Img, atom.Picture, atom.Menu:
		return true
	}
	if _, hidden := htmlAttribute(n, "hidden"); hidden {
		return true
	}
	if (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && linkList(n) {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alert":
		return true
	}
	return false
}

// linkList reports whether a list is links to other pages: two items or
// more, each of them all one link's text ("Related: Who were the workers
// killed…?"). A list in an article's text says something of its own.
func linkList(list *html.Node) bool {
	items := 0
	for li := list.FirstChild; li != nil; li = li.NextSibling {
		if li.Type == html.TextNode && strings.TrimSpace(li.Data) == "" {
			continue
		}
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			return false
		}
		var link *html.Node
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			case c.Type == html.ElementNode && c.DataAtom == atom.A && link == nil:
				link = c
			default:
				return false // text or markup beside the link
			}
		}
		if link == nil || textOf(link) == "" {
			return false
		}
		items++
	}
	return items >= 2
}

func htmlAttribute(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// dropTrailingTeasers removes the run of short lines without sentence
// punctuation that ends an extracted page: links to other stories, and
// subheadings with nothing under them. An article's own text ends with a
// sentence.
func dropTrailingTeasers(texts []string) []string {
	end := len(texts)
	for end > 0 {
		t := CleanParagraph(texts[end-1])
		if t != "" && !IsBoilerplate(t) && (len(strings.Fields(t)) > 15 || endsSentence(t) && !strings.HasSuffix(t, ":")) {
			break
		}
		end--
	}
	if end == 0 {
		return texts // all of it looks alike: keep it rather than nothing
	}
	return texts[:end]
}
