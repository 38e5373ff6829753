package load

import (
	"regexp"
	"strings"
)

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
		items = appendBlock(items, cur)
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
