package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
)

// summaryFile is the generation's summary: what opening it and checking
// that it is fresh read, so that neither decodes the manifest, which grows
// with the corpus (5 MB at 7,000 articles).
const summaryFile = "summary.json"

// indexFormat is the layout of a generation's files. A generation of
// another format is stale (Stale) and built again.
const indexFormat = 4

// legacyManifestFile is the manifest of generations of format 1.
const legacyManifestFile = "manifest.json"

// summary is the content of summaryFile.
type summary struct {
	Format          int       `json:"format"`
	AnalyzerVersion string    `json:"analyzer_version"`
	Fingerprint     string    `json:"fingerprint"`
	BuiltAt         time.Time `json:"built_at"`
	Articles        int       `json:"articles"`
	Paragraphs      int       `json:"paragraphs"`
	// Sources are the articles' outlets, lower-case, in order of first
	// appearance: a question may name one the text never does.
	Sources []string `json:"sources,omitempty"`
	// Newest is the latest publication date of an article.
	Newest time.Time `json:"newest"`
	// Organisations are the manifest's, for resolving acronyms.
	Organisations []string `json:"organisations,omitempty"`
}

// readPointer reads the pointer and the summary of the generation it
// names; ENOTFOUND when there is none, an ErrDamaged error when either
// does not read.
func readPointer(dir string) (string, summary, error) {
	b, err := os.ReadFile(filepath.Join(dir, pointerFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", summary{}, corpus.Errorf(corpus.ENOTFOUND, "no index has been built in %s yet: run `newsdesk index`", dir)
	}
	if err != nil {
		return "", summary{}, damaged(dir, "", fmt.Errorf("read index pointer: %w", err))
	}
	name := strings.TrimSpace(string(b))
	if !validGenName(name) {
		return "", summary{}, damaged(dir, "", fmt.Errorf("index pointer %s names %q, not a generation", filepath.Join(dir, pointerFile), name))
	}
	var s summary
	b, err = os.ReadFile(filepath.Join(dir, name, summaryFile))
	if errors.Is(err, fs.ErrNotExist) {
		// Built by a newsdesk before summaries, whose manifest was JSON:
		// of an older format, and so stale.
		if _, err := os.Stat(filepath.Join(dir, name, legacyManifestFile)); err == nil {
			return name, summary{Format: 1}, nil
		}
	}
	if err == nil {
		err = json.Unmarshal(b, &s)
	}
	if err != nil {
		return "", summary{}, damaged(dir, name, fmt.Errorf("read summary: %w", err))
	}
	return name, s, nil
}
