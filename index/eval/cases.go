package eval

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus"
)

// Case is one question of an evaluation set with what answers it: either
// passages (the project's sets) or substrings of the answer's text (the
// real-reporting sets). A case expecting neither must get no answer.
type Case struct {
	Question string `json:"question"`
	// Expected are the acceptable passages as "articleID#N" (N the 1-based
	// paragraph number).
	Expected []string `json:"expected,omitempty"`
	// Substrings are the acceptable answer texts: an answer is right when
	// its text or one of its context paragraphs contains one of them, both
	// normalised by Normalize.
	Substrings []string `json:"substrings,omitempty"`
	// File is the article that mainly answers a substring case, for
	// reading; the scoring does not use it.
	File string `json:"file,omitempty"`
	Note string `json:"note,omitempty"`
	// Kind is the kind of question (who, toll, said, …): the substring
	// format's fourth column, or the label a passage case's note starts
	// with ("who: wire spelling"; see ParseCases).
	Kind string `json:"kind,omitempty"`
	// Line is the case's line in the questions file, for messages.
	Line int `json:"line"`
}

// Answerable reports whether the corpus holds an answer to c.
func (c Case) Answerable() bool {
	return len(c.Expected) > 0 || len(c.Substrings) > 0
}

// PassageID returns the "articleID#N" name of paragraph n of an article,
// as used in Case.Expected.
func PassageID(articleID string, n int) string {
	return articleID + "#" + strconv.Itoa(n)
}

// SplitPassageID splits "articleID#N" into the article ID and the
// paragraph number. The article ID may itself contain '#'; the number is
// what follows the last one and must be positive.
func SplitPassageID(s string) (articleID string, n int, err error) {
	i := strings.LastIndexByte(s, '#')
	if i <= 0 || i == len(s)-1 {
		return "", 0, fmt.Errorf("passage %q: want articleID#N", s)
	}
	n, err = strconv.Atoi(s[i+1:])
	if err != nil || n < 1 {
		return "", 0, fmt.Errorf("passage %q: paragraph number %q is not a positive integer", s, s[i+1:])
	}
	return s[:i], n, nil
}

// Format is the layout of a questions file.
type Format int

// Questions file formats; ParseCases tells them apart by the file's first
// question line.
const (
	// FormatPassages is "question<TAB>expected<TAB>note": expected is "-"
	// or passages "articleID#N" separated by '|'; the note is optional.
	FormatPassages Format = iota + 1
	// FormatSubstrings is "question<TAB>file<TAB>substrings<TAB>kind":
	// file is the answering article or "-" for no answer, substrings are
	// alternatives separated by "||".
	FormatSubstrings
)

// DetectFormat returns the format of a questions file from one of its
// question lines: four fields whose second is not a passage list are the
// substring format, anything else the passage format.
func DetectFormat(line string) Format {
	fields := strings.Split(line, "\t")
	if len(fields) == 4 && !isPassageList(fields[1]) {
		return FormatSubstrings
	}
	return FormatPassages
}

// isPassageList reports whether s reads as "articleID#N|…".
func isPassageList(s string) bool {
	for p := range strings.SplitSeq(s, "|") {
		if _, _, err := SplitPassageID(strings.TrimSpace(p)); err != nil {
			return false
		}
	}
	return true
}

// ParseCases reads an evaluation set in either Format, told apart by the
// first question line. A passage case's Kind is the label its note starts
// with: one or two words the file's notes put before a colon, or a note
// of one word ("who: wire spelling", "figure"). Blank lines and lines starting with '#' are
// ignored. Errors are EINVALID *corpus.Error values naming the line.
func ParseCases(r io.Reader) ([]Case, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	var cases []Case
	var format Format
	seen := map[string]int{} // normalised question → line
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, corpus.Errorf(corpus.EINVALID, "line %d: not valid UTF-8", line)
		}
		if format == 0 {
			format = DetectFormat(text)
		}
		parse := parsePassageLine
		if format == FormatSubstrings {
			parse = parseSubstringLine
		}
		c, err := parse(text, line)
		if err != nil {
			return nil, err
		}
		key := strings.ToLower(strings.Join(strings.Fields(c.Question), " "))
		if first, ok := seen[key]; ok {
			return nil, corpus.Errorf(corpus.EINVALID, "line %d: question %q repeats line %d", line, c.Question, first)
		}
		seen[key] = line
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read eval questions: %w", err)
	}
	if format == FormatPassages {
		setNoteKinds(cases)
	}
	if len(cases) == 0 {
		return nil, corpus.Errorf(corpus.EINVALID, "no questions found (want lines of question<TAB>expected<TAB>note or question<TAB>file<TAB>substrings<TAB>kind)")
	}
	return cases, nil
}

// parsePassageLine parses one question line of the passage format.
func parsePassageLine(text string, line int) (Case, error) {
	fields := strings.Split(text, "\t")
	switch {
	case len(fields) < 2:
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: want question<TAB>expected[<TAB>note], found no tab", line)
	case len(fields) > 3:
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: want at most 3 tab-separated fields, found %d", line, len(fields))
	}
	c := Case{Question: strings.TrimSpace(fields[0]), Line: line}
	if len(fields) == 3 {
		c.Note = strings.TrimSpace(fields[2])
	}
	if c.Question == "" {
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty question", line)
	}
	expected := strings.TrimSpace(fields[1])
	switch expected {
	case "":
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty expected field (write - for a question with no answer)", line)
	case "-":
		return c, nil
	}
	for p := range strings.SplitSeq(expected, "|") {
		p = strings.TrimSpace(p)
		if p == "" {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty passage in %q", line, expected)
		}
		if p == "-" {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: - (no answer) mixed with passages in %q", line, expected)
		}
		id, n, err := SplitPassageID(p)
		if err != nil {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: %v", line, err)
		}
		p = PassageID(id, n) // canonical form: "a.md#07" → "a.md#7"
		if !slices.Contains(c.Expected, p) {
			c.Expected = append(c.Expected, p)
		}
	}
	return c, nil
}

// setNoteKinds gives each passage case the kind its note starts with.
// A file's kinds are the labels its notes use: the one or two words
// before a colon ("who: wire spelling", "no answer: wrong country") or a
// whole note of one word ("figure"). A note starting with a label, as a
// whole word, is of that kind ("say by role" with "say: …" elsewhere);
// the shortest label wins.
func setNoteKinds(cases []Case) {
	labels := map[string]bool{}
	for _, c := range cases {
		label, _, found := strings.Cut(c.Note, ":")
		n := len(strings.Fields(label))
		if ((found && n >= 1 && n <= 2) || (!found && n == 1)) && isLabel(label) {
			labels[strings.ToLower(strings.Join(strings.Fields(label), " "))] = true
		}
	}
	for i, c := range cases {
		note := strings.ToLower(strings.Join(strings.Fields(c.Note), " "))
		for label := range labels {
			if (cases[i].Kind == "" || len(label) < len(cases[i].Kind)) && startsWithWord(note, label) {
				cases[i].Kind = label
			}
		}
	}
}

// isLabel reports whether s holds only letters, digits, hyphens and
// spaces.
func isLabel(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != ' ' {
			return false
		}
	}
	return true
}

// startsWithWord reports whether s starts with prefix followed by the end
// of s or a rune that is neither a letter nor a digit.
func startsWithWord(s, prefix string) bool {
	if !strings.HasPrefix(s, prefix) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[len(prefix):])
	return len(s) == len(prefix) || !unicode.IsLetter(next) && !unicode.IsDigit(next)
}

// parseSubstringLine parses one question line of the substring format.
func parseSubstringLine(text string, line int) (Case, error) {
	fields := strings.Split(text, "\t")
	if len(fields) != 4 {
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: want 4 tab-separated fields (question, file or -, substrings separated by ||, kind) as on the first question line, found %d", line, len(fields))
	}
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	c := Case{Question: fields[0], File: fields[1], Kind: strings.ToLower(fields[3]), Line: line}
	switch {
	case c.Question == "":
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty question", line)
	case c.File == "":
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty file field (write - for a question with no answer)", line)
	case c.Kind == "":
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty kind (e.g. who, toll, said, fact, typo, neg)", line)
	}
	substrings := fields[2]
	if c.File == "-" {
		c.File = ""
		if substrings != "" && substrings != "-" {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: a question with no answer (file -) lists substrings %q", line, substrings)
		}
		return c, nil
	}
	if substrings == "" || substrings == "-" {
		return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: no expected substrings for file %s", line, c.File)
	}
	for s := range strings.SplitSeq(substrings, "||") {
		s = strings.TrimSpace(s)
		if Normalize(s) == "" {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: empty alternative in %q", line, substrings)
		}
		if strings.HasPrefix(s, "|") || strings.HasSuffix(s, "|") {
			return Case{}, corpus.Errorf(corpus.EINVALID, "line %d: stray | next to || in %q", line, substrings)
		}
		if !slices.Contains(c.Substrings, s) {
			c.Substrings = append(c.Substrings, s)
		}
	}
	return c, nil
}
