package load_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/newsdesk/corpus/load"
)

// TestParseFileSingleNewlines reads text whose paragraphs are separated
// by single line breaks one paragraph per line, and still joins the lines
// of hard-wrapped prose.
func TestParseFileSingleNewlines(t *testing.T) {
	tests := []struct {
		name, file, data string
		wantTitle        string
		wantParas        []string
	}{
		{
			name:      "wire copy after a headline",
			file:      "wire.txt",
			data:      "Wire copy\n\nFloods cut the coast road on Monday.\nRescuers reached the valley, the army said.\n“We lost everything,” said one farmer.\nThe road reopened on Tuesday.\n",
			wantTitle: "Wire copy",
			wantParas: []string{"Floods cut the coast road on Monday.", "Rescuers reached the valley, the army said.", "“We lost everything,” said one farmer.", "The road reopened on Tuesday."},
		},
		{
			name:      "no blank line at all",
			file:      "pasted.txt",
			data:      "Ferry service resumes after storm\nThe island ferry sailed again on Sunday.\nPassengers queued from dawn.\nThe operator apologised for the delays.\n",
			wantTitle: "Ferry service resumes after storm",
			wantParas: []string{"The island ferry sailed again on Sunday.", "Passengers queued from dawn.", "The operator apologised for the delays."},
		},
		{
			name:      "a subhead among the lines",
			file:      "subhead.txt",
			data:      "Harbour strike\n\nDockers walked out on Monday.\nTalks\nThe union met the operator on Tuesday.\nNo deal was reached.\n",
			wantTitle: "Harbour strike",
			wantParas: []string{"Dockers walked out on Monday.", "Talks", "The union met the operator on Tuesday.", "No deal was reached."},
		},
		{
			name:      "markdown with single newlines",
			file:      "wire.md",
			data:      "# Wire copy\n\nFloods cut the coast road on Monday.\nRescuers reached the *valley*, the army said.\nThe road reopened on Tuesday.\n",
			wantTitle: "Wire copy",
			wantParas: []string{"Floods cut the coast road on Monday.", "Rescuers reached the valley, the army said.", "The road reopened on Tuesday."},
		},
		{
			name:      "hard-wrapped prose is joined",
			file:      "wrapped.txt",
			data:      "Council budget\n\nThe council voted on Wednesday to fund\na new branch library in the western\ndistrict. Building starts in March\nand should end in 2026.\n\nA second paragraph.\n",
			wantTitle: "Council budget",
			wantParas: []string{"The council voted on Wednesday to fund a new branch library in the western district. Building starts in March and should end in 2026.", "A second paragraph."},
		},
		{
			name:      "two sentences on two lines stay one paragraph",
			file:      "two.txt",
			data:      "Tram line\n\nThe tram line reopened on Saturday.\nPassengers welcomed the news.\n",
			wantTitle: "Tram line",
			wantParas: []string{"The tram line reopened on Saturday. Passengers welcomed the news."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, tt.file, tt.data)
			if a.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", a.Title, tt.wantTitle)
			}
			if got := texts(t, a); !reflect.DeepEqual(got, tt.wantParas) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tt.wantParas)
			}
		})
	}
}

// TestParseFileOverlongParagraph splits a paragraph longer than
// load.MaxParagraphBytes at sentence boundaries, or between words when a
// sentence is longer than that, in every format.
func TestParseFileOverlongParagraph(t *testing.T) {
	var sentences []string
	for i := 0; len(strings.Join(sentences, " ")) < 3*load.MaxParagraphBytes; i++ {
		sentences = append(sentences, fmt.Sprintf("Sentence %d tells of Mr. Haddad and the floods in the valley on Sunday.", i+1))
	}
	long := strings.Join(sentences, " ")
	words := strings.Repeat("and the water kept rising ", load.MaxParagraphBytes/10)
	words = strings.TrimSpace(words)
	marks := strings.Repeat("x\u0301", load.MaxParagraphBytes*7/8) // no spaces; x and a combining acute

	tests := []struct {
		name, file, data, want string
		// sentences: every piece is whole sentences of want.
		sentences bool
		sep       string // what joins the pieces back into want
	}{
		{"sentences in plain text", "long.txt", "Long paragraph\n\n" + long + "\n", long, true, " "},
		{"sentences in markdown", "long.md", "# Long paragraph\n\n" + long + "\n", long, true, " "},
		{"sentences in HTML", "long.html", "<html><head><title>Long paragraph</title></head><body><article><p>" + long + "</p></article></body></html>", long, true, " "},
		{"one sentence with no stop", "words.txt", "Long sentence\n\n" + words + "\n", words, false, " "},
		{"no spaces at all", "marks.txt", "Long word\n\n" + marks + "\n", marks, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(t, parseOne(t, tt.file, tt.data))
			if len(got) < 2 {
				t.Fatalf("%d paragraphs, want the %d-byte paragraph split", len(got), len(tt.want))
			}
			if joined := strings.Join(got, tt.sep); joined != tt.want {
				i := 0
				for i < min(len(joined), len(tt.want)) && joined[i] == tt.want[i] {
					i++
				}
				t.Fatalf("the pieces do not make the paragraph again: %d bytes, want %d; they differ from byte %d: %.30q", len(joined), len(tt.want), i, joined[i:])
			}
			for i, p := range got {
				if len(p) > load.MaxParagraphBytes || !utf8.ValidString(p) {
					t.Errorf("piece %d: %d bytes, valid UTF-8 %v", i, len(p), utf8.ValidString(p))
				}
				if r, _ := utf8.DecodeRuneInString(p); unicode.Is(unicode.M, r) {
					t.Errorf("piece %d starts with a combining mark", i)
				}
				if tt.sentences && (!strings.HasPrefix(p, "Sentence ") || !strings.HasSuffix(p, "Sunday.")) {
					t.Errorf("piece %d is not whole sentences: %.40q…%q", i, p, p[max(0, len(p)-20):])
				}
				if !tt.sentences && tt.sep == " " && len(p) < load.MaxParagraphBytes-30 && i+1 < len(got) {
					t.Errorf("piece %d is %d bytes: cut too early", i, len(p))
				}
			}
		})
	}
}
