package main

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/text"
	"github.com/newsdesk/newsdesk/index"
)

// ANSI styles for terminal output.
const (
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiNormal = "\x1b[22m" // ends bold and dim
)

// indent is the left margin of everything under an answer's header.
const indent = "   "

// textStyle is how a Result is printed for people.
type textStyle struct {
	// width is the line width to wrap at.
	width int
	// ansi emphasises with terminal escapes; otherwise matched words are
	// marked *like this*.
	ansi bool
	// corpusDir locates articles that have no URL.
	corpusDir string
	// limit is the page size asked for, to suggest a larger one.
	limit int
}

// writeResult prints res for a person: each passage under a header line,
// wrapped to the width with the matched words emphasised, then who says so,
// the figures, the context and the link; the notes come last.
func writeResult(w io.Writer, res *corpus.Result, st textStyle) error {
	bw := bufio.NewWriter(w)
	if st.width < 40 {
		st.width = 40
	}
	if len(res.Answers) == 0 {
		if len(res.Notes) == 0 {
			fmt.Fprintln(bw, corpus.NoteNoPassage)
		}
		for _, n := range res.Notes {
			writeWrapped(bw, words(n, nil, st), st.width, "", "")
		}
		return flush(bw)
	}
	for i, a := range res.Answers {
		if i > 0 {
			fmt.Fprintln(bw)
		}
		writeAnswer(bw, i+1, a, st)
	}
	if len(res.Notes) > 0 || res.More {
		fmt.Fprintln(bw)
	}
	for _, n := range res.Notes {
		writeWrapped(bw, words("Note: "+n, nil, st), st.width, "", "      ")
	}
	if res.More && st.limit < index.MaxLimit {
		fmt.Fprintf(bw, "More passages match: add --limit %d to see them.\n", min(st.limit*2, index.MaxLimit))
	}
	return flush(bw)
}

func flush(bw *bufio.Writer) error {
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write answer: %w", err)
	}
	return nil
}

// writeAnswer prints one passage with its attribution.
func writeAnswer(w io.Writer, n int, a corpus.Answer, st textStyle) {
	num := fmt.Sprintf("%d. ", n)
	title := a.Article.Title
	if title == "" {
		title = a.Article.Path
	}
	var meta []string
	if a.Article.Source != "" {
		meta = append(meta, a.Article.Source)
	}
	if !a.Article.Published.IsZero() {
		meta = append(meta, a.Article.Published.Format("2 Jan 2006"))
	}
	meta = append(meta, fmt.Sprintf("¶%d", a.Paragraph))
	header := words(title, nil, st)
	if st.ansi && len(header) > 0 {
		header[0].text = ansiBold + header[0].text
		header[len(header)-1].text += ansiNormal
	}
	header = append(header, words("— "+strings.Join(meta, " · "), nil, st)...)
	writeWrapped(w, header, st.width, num, strings.Repeat(" ", utf8.RuneCountInString(num)))
	fmt.Fprintln(w)

	writeWrapped(w, words(a.Text, a.Highlights, st), st.width, indent, indent)

	if len(a.Attribution) > 0 || len(a.Figures) > 0 {
		fmt.Fprintln(w)
	}
	if len(a.Attribution) > 0 {
		writeWrapped(w, words("— according to "+joinNames(a.Attribution), nil, st), st.width, indent, indent+"  ")
	}
	seen := map[string]bool{}
	for _, f := range a.Figures {
		s := f.Summary()
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		writeWrapped(w, words(s, nil, st), st.width, indent, indent+"  ")
	}

	for _, c := range a.Context {
		fmt.Fprintln(w)
		lines := wrap(words(c, nil, st), st.width-len(indent)-2)
		for _, l := range lines {
			if st.ansi {
				l = ansiDim + l + ansiNormal
			}
			fmt.Fprintln(w, indent+"│ "+l)
		}
	}

	fmt.Fprintln(w)
	switch {
	case a.Article.URL != "":
		fmt.Fprintln(w, indent+a.Article.URL)
	case a.Article.Path != "":
		fmt.Fprintln(w, indent+"file: "+filepath.Join(st.corpusDir, filepath.FromSlash(a.Article.Path)))
	}
}

// joinNames joins names as prose: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// word is one word ready to print: its text, styled, and its visible width.
type word struct {
	text  string
	width int
}

// words splits s into words, emphasising where text.HighlightSpans finds
// highlights (as the bot does). In plain text a run of emphasised words is
// marked once: *Gaith Dalah*.
func words(s string, highlights []string, st textStyle) []word {
	type part struct {
		pre, core, suf string
		emph           bool
	}
	spans := text.HighlightSpans(s, highlights)
	var parts []part
	for off := 0; off < len(s); {
		i := strings.IndexFunc(s[off:], func(r rune) bool { return !unicode.IsSpace(r) })
		if i < 0 {
			break
		}
		from := off + i
		to := len(s)
		if j := strings.IndexFunc(s[from:], unicode.IsSpace); j >= 0 {
			to = from + j
		}
		p := part{core: s[from:to]}
		for _, sp := range spans {
			if a, b := max(from, sp.From), min(to, sp.To); a < b {
				p = part{pre: s[from:a], core: s[a:b], suf: s[b:to], emph: true}
				break
			}
		}
		parts = append(parts, p)
		off = to
	}
	out := make([]word, len(parts))
	for i, p := range parts {
		text := p.pre + p.core + p.suf
		if p.emph {
			open, closing := ansiBold, ansiNormal
			if !st.ansi {
				open, closing = "*", "*"
				// Join a run of emphasised words: open at its first word,
				// close at its last.
				if i > 0 && parts[i-1].emph && parts[i-1].suf == "" && p.pre == "" {
					open = ""
				}
				if i+1 < len(parts) && parts[i+1].emph && parts[i+1].pre == "" && p.suf == "" {
					closing = ""
				}
			}
			text = p.pre + open + p.core + closing + p.suf
		}
		visible := text
		if st.ansi {
			visible = p.pre + p.core + p.suf
		}
		out[i] = word{text: text, width: utf8.RuneCountInString(visible)}
	}
	return out
}

// wrap lays words out in lines at most width wide; a word longer than the
// width gets a line of its own.
func wrap(ws []word, width int) []string {
	var (
		lines []string
		line  strings.Builder
		used  int
	)
	for _, w := range ws {
		if used > 0 && used+1+w.width > width {
			lines = append(lines, line.String())
			line.Reset()
			used = 0
		}
		if used > 0 {
			line.WriteByte(' ')
			used++
		}
		line.WriteString(w.text)
		used += w.width
	}
	if used > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// writeWrapped prints words wrapped to width, the first line after first
// and the others after rest.
func writeWrapped(w io.Writer, ws []word, width int, first, rest string) {
	prefix := first
	for _, l := range wrap(ws, width-max(utf8.RuneCountInString(first), utf8.RuneCountInString(rest))) {
		fmt.Fprintln(w, prefix+l)
		prefix = rest
	}
}
