package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus/text"
)

// Discord's message limits, in characters.
const (
	MaxContent      = 2000 // message content
	MaxDescription  = 4096 // embed description
	MaxTitle        = 256  // embed title
	MaxFields       = 25   // fields per embed
	MaxFieldName    = 256
	MaxFieldValue   = 1024
	MaxFooter       = 2048
	MaxEmbedTotal   = 6000 // all embeds of one message together
	MaxEmbeds       = 10   // embeds per message
	MaxCustomID     = 100  // a component's custom_id
	MaxButtonLabel  = 80
	MaxChoices      = 25 // autocomplete choices
	MaxChoiceLength = 100
)

const zeroWidthSpace = "\u200b"

// markdownSpecial are the characters that start Discord markdown anywhere in
// a line: emphasis, strike-through, code, spoilers, masked links, escapes.
const markdownSpecial = "\\*_~`|[]()"

// EscapeMarkdown (discordgo has no markdown escaper) escapes s so that Discord shows it literally: no emphasis,
// code, spoiler, link, heading, list or block quote can start inside it, and
// no mention (@everyone, @here, <@id>, <@&id>, <#id>) or custom emoji or
// timestamp tag can form. Line breaks are kept.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		rest := s[i+size:]
		switch {
		case r == '\n':
			b.WriteByte('\n')
			lineStart = true
			i += size
			continue
		case strings.ContainsRune(markdownSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case lineStart && (r == '>' || r == '#' || r == '-' || r == '+'):
			// Block quotes, headings, list items and subtext only start a line.
			b.WriteByte('\\')
			b.WriteRune(r)
		case lineStart && r >= '0' && r <= '9' && orderedListItem(s[i:]):
			// "1. " at the start of a line would become a numbered list.
			n := len(s[i:]) - len(strings.TrimLeft(s[i:], "0123456789"))
			b.WriteString(s[i : i+n])
			b.WriteString("\\.")
			i += n + 1
			lineStart = false
			continue
		case r == '<' && rest != "" && !unicode.IsSpace(rune(rest[0])):
			// <@id>, <@&id>, <#id>, <:emoji:id>, <t:…>, </command:id>.
			b.WriteByte('<')
			b.WriteString(zeroWidthSpace)
		case r == '@' && (strings.HasPrefix(rest, "everyone") || strings.HasPrefix(rest, "here")):
			b.WriteByte('@')
			b.WriteString(zeroWidthSpace)
		default:
			b.WriteRune(r)
		}
		if !unicode.IsSpace(r) {
			lineStart = false
		}
		i += size
	}
	return b.String()
}

// orderedListItem reports whether s starts with digits, a dot and a space.
func orderedListItem(s string) bool {
	t := strings.TrimLeft(s, "0123456789")
	return len(t) < len(s) && strings.HasPrefix(t, ". ")
}

// NeutralizeMentions breaks @everyone, @here and <@…> tags in text that is
// otherwise not escaped (for example a user's question echoed back).
func NeutralizeMentions(s string) string {
	s = strings.ReplaceAll(s, "@everyone", "@"+zeroWidthSpace+"everyone")
	s = strings.ReplaceAll(s, "@here", "@"+zeroWidthSpace+"here")
	return strings.ReplaceAll(s, "<@", "<"+zeroWidthSpace+"@")
}

// runeLen counts characters as Discord does.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Ellipsis marks text that was cut.
const Ellipsis = "…"

// TrimText shortens plain (unescaped) text to at most max characters. It
// cuts after the last whole sentence that fits and, when not even the first
// sentence fits, after the last whole word, adding an ellipsis; it never cuts
// a word or a multi-byte character in two.
func TrimText(s string, max int) string {
	s = strings.TrimSpace(s)
	if runeLen(s) <= max {
		return s
	}
	if max <= runeLen(Ellipsis) {
		return ""
	}
	limit := byteOffset(s, max-runeLen(Ellipsis)-1)
	head := s[:limit]
	if cut := text.LastSentenceEnd(head); cut > 0 {
		return strings.TrimSpace(head[:cut]) + " " + Ellipsis
	}
	// No sentence fits: cut at the last space before the limit.
	if s[limit] == ' ' || s[limit] == '\n' {
		return strings.TrimSpace(head) + " " + Ellipsis
	}
	if i := strings.LastIndexAny(head, " \n"); i > 0 {
		return strings.TrimSpace(head[:i]) + " " + Ellipsis
	}
	return Ellipsis
}

// byteOffset returns the byte offset of the n-th character of s.
func byteOffset(s string, n int) int {
	if n <= 0 {
		return 0
	}
	i := 0
	for j := range s {
		if i == n {
			return j
		}
		i++
	}
	return len(s)
}

// fitEscaped escapes text (with highlights in bold) so that the result has at
// most max characters, trimming the plain text at sentence boundaries first
// so that no escape or emphasis is ever cut in two.
func fitEscaped(text string, highlights []string, max int) string {
	budget := max
	for budget > 0 {
		out := Emphasize(TrimText(text, budget), highlights)
		over := runeLen(out) - max
		if over <= 0 {
			return out
		}
		budget -= over
	}
	return ""
}

// Emphasize escapes text and puts the words in highlights in bold, where
// text.HighlightSpans finds them (as the CLI does).
func Emphasize(s string, highlights []string) string {
	var b strings.Builder
	prev := 0
	for _, sp := range text.HighlightSpans(s, highlights) {
		b.WriteString(EscapeMarkdown(s[prev:sp.From]))
		b.WriteString("**")
		b.WriteString(EscapeMarkdown(s[sp.From:sp.To]))
		b.WriteString("**")
		prev = sp.To
	}
	b.WriteString(EscapeMarkdown(s[prev:]))
	return b.String()
}
