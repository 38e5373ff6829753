package load

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/newsdesk/newsdesk/corpus"
)

// maxFrontMatter bounds the YAML front matter of a text article.
const maxFrontMatter = 64 << 10

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

// splitFrontMatter separates YAML front matter, opened by a first line of
// "---" and closed by a line of "---" or "...", from the body. It returns
// ok=false when the text has none, and an error when it is opened but not
// closed.
func splitFrontMatter(text string) (fm, body string, ok bool, err error) {
	first, rest, found := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		return "", text, false, nil
	}
	if !found {
		return "", "", true, fmt.Errorf("%w: opened with --- but never closed", ErrFrontMatter)
	}
	offset := 0
	for offset <= len(rest) {
		end := strings.IndexByte(rest[offset:], '\n')
		line := rest[offset:]
		next := len(rest) + 1
		if end >= 0 {
			line = rest[offset : offset+end]
			next = offset + end + 1
		}
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			if offset > maxFrontMatter {
				return "", "", true, fmt.Errorf("%w: longer than %d KiB", ErrFrontMatter, maxFrontMatter>>10)
			}
			body := ""
			if next <= len(rest) {
				body = rest[next:]
			}
			return rest[:offset], body, true, nil
		}
		offset = next
	}
	return "", "", true, fmt.Errorf("%w: opened with --- but never closed", ErrFrontMatter)
}

// parseFrontMatter reads the fields of YAML front matter. Values are taken
// as written (a date stays a string); a field that is not a plain value
// is left empty with a warning, while YAML that does not parse, or is not
// a mapping, is an error.
func parseFrontMatter(fm string) (m meta, warnings []string, err error) {
	var doc yaml.Node
	if err := safeYAML(fm, &doc); err != nil {
		return meta{}, nil, fmt.Errorf("%w: %w", ErrFrontMatter, err)
	}
	if doc.Kind == 0 || (doc.Kind == yaml.DocumentNode && len(doc.Content) == 0) {
		return meta{}, nil, nil // empty front matter
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return meta{}, nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return meta{}, nil, fmt.Errorf("%w: not a mapping of field: value lines", ErrFrontMatter)
	}
	fields := map[string]*string{
		"title": &m.title, "source": &m.source, "url": &m.url, "published": &m.published, "author": &m.author,
	}
	var date string
	for i := 0; i+1 < len(root.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(root.Content[i].Value))
		dst, known := fields[key]
		if key == "date" {
			dst, known = &date, true
		}
		if !known {
			continue
		}
		v, ok := yamlString(root.Content[i+1])
		if !ok {
			warnings = append(warnings, fmt.Sprintf("front matter field %s is not a plain value; left empty", key))
			continue
		}
		*dst = v
	}
	if m.published == "" {
		m.published = date // "date:" as written by static site generators
	}
	return m, warnings, nil
}

// yamlString returns the text of a scalar node, or of a sequence of
// scalars joined with ", " (several authors).
func yamlString(n *yaml.Node) (string, bool) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "", true
		}
		return n.Value, true
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return "", false
			}
			parts = append(parts, c.Value)
		}
		return strings.Join(parts, ", "), true
	}
	return "", false
}

// safeYAML unmarshals YAML, turning a panic of the YAML library into an
// error, since front matter is outside input.
func safeYAML(s string, out *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("YAML parser failed: %v", r)
		}
	}()
	if err := yaml.Unmarshal([]byte(s), out); err != nil {
		return errors.New("invalid YAML: " + strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil
}

// textItem is one block of a text article: a paragraph, or a heading.
type textItem struct {
	text    string
	heading int // 0 for body text, else the heading level
	lines   int // the number of source lines it came from
	// judged marks a line already cleaned and found not to be
	// boilerplate by dropBoilerplateLines.
	judged bool
}

// parseText reads a .txt or .md article (markdown when md is set).
func parseText(name string, data []byte, md bool) (corpus.Article, error) {
	text, err := decodeArticleText(data)
	if err != nil {
		return corpus.Article{}, err
	}
	a := corpus.Article{ID: name, Path: name, Hash: hashBytes(data)}
	fm, body, hasFM, err := splitFrontMatter(text)
	if err != nil {
		return corpus.Article{}, err
	}
	if hasFM {
		m, warnings, err := parseFrontMatter(fm)
		if err != nil {
			return corpus.Article{}, err
		}
		a.Warnings = warnings
		m.apply(&a)
	}
	var items []textItem
	if md {
		items = markdownItems(body)
	} else {
		items = plainItems(body)
	}
	if a.Title == "" {
		a.Title, items = titleFromItems(items)
	} else {
		items = dropHeadingSameAs(items, a.Title)
	}
	a.Author, items = bylineFromItems(a.Author, items)
	return finishArticle(a, name, items)
}

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

// decodeArticleText checks that data is text and decodes it.
func decodeArticleText(data []byte) (string, error) {
	if len(data) > MaxFileSize {
		return "", fmt.Errorf("%w: %d bytes (limit %d MiB)", ErrTooLarge, len(data), MaxFileSize>>20)
	}
	if strings.TrimSpace(string(data)) == "" {
		return "", ErrEmpty
	}
	if looksBinary(data) {
		return "", ErrBinary
	}
	text := decodeText(data)
	if mostlyReplaced(text) {
		return "", fmt.Errorf("%w: mostly invalid characters", ErrBinary)
	}
	return text, nil
}

// plainItems splits plain text into blocks; lines that are boilerplate are
// dropped from their block first.
func plainItems(body string) []textItem {
	var items []textItem
	for _, block := range splitBlocks(body) {
		if kept := dropBoilerplateLines(block); len(kept) > 0 {
			items = append(items, textItem{text: strings.Join(kept, "\n"), lines: len(kept), judged: len(block) == 1})
		}
	}
	return items
}

// dropBoilerplateLines removes the lines of a block that are site
// furniture (see IsBoilerplate). A one-line block is judged whole; in a
// longer block a line goes only when it stands apart from its neighbours —
// the line before ends a sentence and the line after starts one — so that
// a line of a hard-wrapped paragraph is never cut out of it.
func dropBoilerplateLines(lines []string) []string {
	if len(lines) == 1 {
		clean := CleanParagraph(lines[0])
		if IsBoilerplate(clean) {
			return nil
		}
		return []string{clean} // cleaned once; cleaning again is cheap
	}
	clean := make([]string, len(lines))
	for i, line := range lines {
		clean[i] = CleanParagraph(line)
	}
	kept := make([]string, 0, len(lines))
	prevEnds := true // the start of a block ends the previous sentence
	for i, line := range lines {
		nextStarts := i+1 == len(lines) || startsSentence(clean[i+1])
		if prevEnds && nextStarts && IsBoilerplate(clean[i]) {
			continue // prevEnds stays as it was: the line is gone
		}
		kept = append(kept, line)
		prevEnds = endsSentence(clean[i])
	}
	return kept
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”’\"')] ")
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:", last)
}

// startsSentence reports whether s starts like a sentence or a line of its
// own: a capital letter, a digit, a quote or a symbol.
func startsSentence(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLower(first)
}

// Markdown syntax that is stripped to plain text.
var (
	mdATXHeading = regexp.MustCompile(`^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$`)
	mdSetextLine = regexp.MustCompile(`^ {0,3}(=+|-+)\s*$`)
	mdRule       = regexp.MustCompile(`^ {0,3}([-*_])(\s*[-*_]){2,}\s*$`)
	mdFence      = regexp.MustCompile("^ {0,3}(```|~~~)")
	mdListItem   = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])\s+`)
	mdQuote      = regexp.MustCompile(`^\s*(?:>\s?)+`)
	mdRefDef     = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+`)
	mdImage      = regexp.MustCompile(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`)
	mdLink       = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	mdAutoLink   = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdCode       = regexp.MustCompile("`+([^`]*)`+")
	mdStrong     = regexp.MustCompile(`(\*\*|__)([^*_\s](?:[^\n]*?[^*_\s])?)(\*\*|__)`)
	mdEmStar     = regexp.MustCompile(`\*([^*\s](?:[^*\n]*?[^*\s])?)\*`)
	mdEmUnder    = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^_\s](?:[^_\n]*?[^_\s])?)_([^\p{L}\p{N}_]|$)`)
	mdHTMLTag    = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->`)
)

// stripInlineMarkdown turns inline markdown into plain text: images are
// dropped, links keep their text, emphasis and code marks go.
func stripInlineMarkdown(s string) string {
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdAutoLink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdHTMLTag.ReplaceAllString(s, "")
	s = mdStrong.ReplaceAllString(s, "$2")
	s = mdEmStar.ReplaceAllString(s, "$1")
	s = mdEmUnder.ReplaceAllString(s, "$1$2$3")
	return strings.ReplaceAll(s, `\`, "")
}

// markdownItems splits markdown into paragraphs and headings: headings
// (ATX "# …" and setext underlined), list items and quotes become their
// own items; rules, fences and link definitions are dropped.
func markdownItems(body string) []textItem {
	var items []textItem
	var cur []string
	flush := func() {
		if kept := dropBoilerplateLines(cur); len(kept) > 0 {
			items = append(items, textItem{text: strings.Join(kept, "\n"), lines: len(kept), judged: len(cur) == 1})
		}
		cur = nil
	}
	inFence := false
	lines := strings.Split(body, "\n")
	for _, line := range lines {
		if mdFence.MatchString(line) {
			flush()
			inFence = !inFence
			continue
		}
		if inFence {
			if strings.TrimSpace(line) == "" {
				flush()
			} else {
				cur = append(cur, line)
			}
			continue
		}
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case mdATXHeading.MatchString(line):
			flush()
			m := mdATXHeading.FindStringSubmatch(line)
			if t := CleanParagraph(stripInlineMarkdown(m[2])); t != "" {
				items = append(items, textItem{text: t, heading: len(m[1]), lines: 1})
			}
		case len(cur) == 1 && mdSetextLine.MatchString(line) && !mdListItem.MatchString(cur[0]):
			level := 1
			if strings.Contains(line, "-") {
				level = 2
			}
			if t := CleanParagraph(stripInlineMarkdown(cur[0])); t != "" {
				items = append(items, textItem{text: t, heading: level, lines: 1})
			}
			cur = nil
		case mdRule.MatchString(line):
			flush()
		case mdRefDef.MatchString(line):
			// a link reference definition: not text
		case mdListItem.MatchString(line):
			flush()
			cur = append(cur, stripInlineMarkdown(mdListItem.ReplaceAllString(line, "")))
		default:
			l := mdQuote.ReplaceAllString(line, "")
			if mdListItem.MatchString(l) { // a list inside a quote
				flush()
				l = mdListItem.ReplaceAllString(l, "")
			}
			cur = append(cur, stripInlineMarkdown(l))
		}
	}
	flush()
	return items
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
