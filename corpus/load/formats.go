package load

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// Article file formats, by extension.
const (
	formatText  = "text"
	formatMD    = "markdown"
	formatHTML  = "html"
	formatJSON  = "json"
	formatJSONL = "jsonl"
)

// fileTypes is the one list of accepted article file types: extension →
// format. Dir reads these, and /ingest accepts exactly these.
var fileTypes = []struct{ ext, format string }{
	{".txt", formatText}, {".text", formatText},
	{".md", formatMD}, {".markdown", formatMD},
	{".html", formatHTML}, {".htm", formatHTML}, {".xhtml", formatHTML},
	{".json", formatJSON},
	{".jsonl", formatJSONL}, {".ndjson", formatJSONL},
}

// Extensions returns the accepted article file extensions, with their dot,
// in the order they are documented.
func Extensions() []string {
	exts := make([]string, len(fileTypes))
	for i, t := range fileTypes {
		exts[i] = t.ext
	}
	return exts
}

// Accepts reports whether a file name has an accepted article extension
// (compared without regard to case).
func Accepts(name string) bool { return formatOf(name) != "" }

// formatOf returns the format of a file name by its extension, or "".
func formatOf(name string) string {
	ext := strings.ToLower(path.Ext(name))
	for _, t := range fileTypes {
		if t.ext == ext {
			return t.format
		}
	}
	return ""
}

// unknownFormat is the error for a file name without an accepted
// extension; it lists the accepted ones.
func unknownFormat(name string) error {
	want := "want " + strings.Join(Extensions(), ", ")
	if ext := path.Ext(name); ext != "" {
		return fmt.Errorf("%w %q (%s)", ErrUnknownFormat, ext, want)
	}
	return fmt.Errorf("%w: no extension (%s)", ErrUnknownFormat, want)
}

// ParseFile reads the articles of one file; name is its path relative to
// the corpus root and decides the format by its extension (see
// Extensions for every accepted one):
//   - .txt and .md (.text, .markdown): one article, with optional YAML front matter (title,
//     source, url, published, author) between "---" lines; paragraphs
//     are separated by blank lines; markdown is reduced to plain text;
//   - .html and .htm (.xhtml): one article, its main content found by readability;
//   - .json: one object, or an array of objects, each an article;
//   - .jsonl (.ndjson): one object per line.
//
// The error wraps one of the Err… reasons when the file as a whole is
// unusable. Records of a .json array or a .jsonl file that cannot be read
// are left out without an error as long as one record loads; use
// File to learn which.
func ParseFile(name string, data []byte) ([]corpus.Article, error) {
	arts, _, err := File(name, data)
	if err != nil {
		return nil, err
	}
	return arts, nil
}

// File reads the articles of one file as ParseFile does, and also returns
// the records of a .json array or .jsonl file it left out, each with the
// file's name as Path and a reason starting "line N:" (.jsonl) or
// "record N:" (.json). When no record loads, it returns those skipped
// records and an error.
func File(name string, data []byte) ([]corpus.Article, []corpus.Skipped, error) {
	name = filepath.ToSlash(name)
	if len(data) > MaxFileSize {
		return nil, nil, fmt.Errorf("%w: %d bytes (limit %d MiB)", ErrTooLarge, len(data), MaxFileSize>>20)
	}
	var a corpus.Article
	var err error
	switch formatOf(name) {
	case formatText:
		a, err = parseText(name, data, false)
	case formatMD:
		a, err = parseText(name, data, true)
	case formatHTML:
		a, err = parseHTML(name, data)
	case formatJSON:
		return parseJSON(name, data, false)
	case formatJSONL:
		return parseJSON(name, data, true)
	default:
		return nil, nil, unknownFormat(name)
	}
	if err != nil {
		return nil, nil, err
	}
	return []corpus.Article{a}, nil, nil
}

// hashBytes is the hex SHA-256 of b.
func hashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
