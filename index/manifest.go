package index

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/names"
)

// A generation's manifest is in three parts, so that a build that
// changes one article reads and writes little of it:
//
//	manifest.gob   the totals: what the corpus holds, counted (articles,
//	               paragraphs, outlets, organisations, publication days,
//	               people and their spellings), the skipped files, the
//	               fingerprint. It grows with what is distinct, not with
//	               the corpus, and is all that Stats and People read.
//	files.bin      the corpus files that gave articles: their stamps and
//	               their articles' IDs (manifest_files.go). A build reads
//	               it whole to decide which files to read again.
//	articles/NN    the articles' records (reference, content hash,
//	               people, organisations), in shards by ID (about 256
//	               articles a shard, at most 256 shards). A
//	               build reads the shards of the articles that changed,
//	               rewrites them, and hard-links the others from the
//	               generation before, as it does the Bleve segments.
//
// Totals are kept up to date by subtracting the records of the articles
// that changed or went and adding those of the articles read, so no
// build sums the whole corpus again.
const (
	filesFile   = "files.bin"
	articlesDir = "articles"
)

// fileEntry is one corpus file in the files table: its stamp when read
// and the IDs of the articles it gave. Each article is listed by one file.
type fileEntry struct {
	Stamp load.Stamp
	IDs   []string
}

// articleRecord is what the manifest keeps of one article.
type articleRecord struct {
	Ref    corpus.ArticleRef
	Hash   string
	People []corpus.Person
	Orgs   []string
}

// totals is the content of manifestFile: counts over the articles of a
// generation, which an incremental build updates article by article.
type totals struct {
	AnalyzerVersion string
	Fingerprint     string // load.Fingerprint at build time
	BuiltAt         time.Time
	// ListedAt is when the build listed the corpus files, before reading
	// them (previous.unchanged).
	ListedAt   time.Time
	Articles   int
	Paragraphs int
	// Shards is how many shards hold the article records.
	Shards int
	// Sources counts the articles of each outlet, as written; Orgs those
	// naming each organisation; Days those published on each day
	// (2006-01-02).
	Sources map[string]int
	Orgs    map[string]int
	Days    map[string]int
	// People are the people the articles name, by name as an article
	// gives it, before names.MergePeople merges their spellings.
	People  map[string]*personTotal
	Skipped []corpus.Skipped
}

// personTotal counts one name over the articles that give it: how many
// do, its mentions, and how many give each of its spellings.
type personTotal struct {
	Articles  int
	Mentions  int
	Spellings map[string]int
}

// newTotals returns empty totals.
func newTotals() totals {
	return totals{Sources: map[string]int{}, Orgs: map[string]int{}, Days: map[string]int{}, People: map[string]*personTotal{}}
}

// add counts the article of r in t (sign 1) or takes it out (sign -1).
func (t *totals) add(r *articleRecord, sign int) {
	t.Articles += sign
	t.Paragraphs += sign * r.Ref.Paragraphs
	count(t.Sources, r.Ref.Source, sign)
	if !r.Ref.Published.IsZero() {
		count(t.Days, r.Ref.Published.String(), sign)
	}
	for i, o := range r.Orgs {
		if !slices.Contains(r.Orgs[:i], o) {
			count(t.Orgs, o, sign)
		}
	}
	for _, p := range r.People {
		pt := t.People[p.Name]
		if pt == nil {
			pt = &personTotal{Spellings: map[string]int{}}
			t.People[p.Name] = pt
		}
		pt.Articles += sign
		pt.Mentions += sign * p.Mentions
		for _, s := range p.Spellings {
			count(pt.Spellings, s, sign)
		}
		if pt.Articles <= 0 {
			delete(t.People, p.Name)
		}
	}
}

// count adds sign to m[key], dropping the key at zero; "" is not counted.
func count(m map[string]int, key string, sign int) {
	if key == "" {
		return
	}
	if n := m[key] + sign; n > 0 {
		m[key] = n
	} else {
		delete(m, key)
	}
}

// mergedPeople is the people directory: the people of t with their
// spellings merged (names.MergePeople), as merging every article's people
// would give.
func (t *totals) mergedPeople() []corpus.Person {
	ps := make([]corpus.Person, 0, len(t.People))
	for name, pt := range t.People {
		p := corpus.Person{Name: name, Mentions: pt.Mentions}
		for s := range pt.Spellings {
			p.Spellings = append(p.Spellings, s)
		}
		slices.Sort(p.Spellings)
		ps = append(ps, p)
	}
	return names.MergePeople(map[string][]corpus.Person{"": ps})
}

// summarize is the summary of the generation whose totals are t.
func (t *totals) summarize() summary {
	s := summary{Format: indexFormat, AnalyzerVersion: t.AnalyzerVersion, Fingerprint: t.Fingerprint, BuiltAt: t.BuiltAt,
		Articles: t.Articles, Paragraphs: t.Paragraphs}
	for src := range t.Sources {
		if low := strings.ToLower(src); !slices.Contains(s.Sources, low) {
			s.Sources = append(s.Sources, low)
		}
	}
	slices.Sort(s.Sources)
	for day := range t.Days {
		if d, err := time.Parse(time.DateOnly, day); err == nil && d.After(s.Newest) {
			s.Newest = d
		}
	}
	for o := range t.Orgs {
		s.Organisations = append(s.Organisations, o)
	}
	slices.Sort(s.Organisations)
	return s
}

// readTotals reads the totals of the generation in genDir. They are gob,
// and small: their size grows with what is distinct in the corpus.
func readTotals(genDir string) (totals, error) {
	t := newTotals()
	b, err := os.ReadFile(filepath.Join(genDir, manifestFile))
	if err != nil {
		return t, fmt.Errorf("read manifest: %w", err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&t); err != nil {
		return t, fmt.Errorf("decode manifest %s: %w", genDir, err)
	}
	for _, m := range []*map[string]int{&t.Sources, &t.Orgs, &t.Days} {
		if *m == nil {
			*m = map[string]int{}
		}
	}
	if t.People == nil {
		t.People = map[string]*personTotal{}
	}
	for _, pt := range t.People {
		if pt.Spellings == nil {
			pt.Spellings = map[string]int{}
		}
	}
	return t, nil
}

// writeTotals writes t as the totals of the generation in genDir.
func writeTotals(genDir string, t totals) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(t); err != nil {
		return fmt.Errorf("encode manifest: %w", err)
	}
	return writeFileSync(filepath.Join(genDir, manifestFile), buf.Bytes())
}
