package index

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// The paragraphs a generation shows live beside its Bleve index, not in
// it: one JSON record (storedParagraph) per paragraph in storeFile, and
// where each record starts in storeIndexFile. Bleve only searches; showing
// a passage reads its record with one positioned read, instead of loading
// and decompressing a block of stored documents, and building the index
// neither compresses nor merges them.
const (
	storeFile      = "paragraphs.jsonl"
	storeIndexFile = "paragraphs.idx.json"
)

// storeIndex is the content of storeIndexFile.
type storeIndex struct {
	// Articles holds, for each article, the record number of its first
	// paragraph and how many it has: paragraph n is record first+n-1.
	Articles map[string][2]int `json:"articles"`
	// Offsets are the byte offsets of the records, and the file's length
	// last: record i is Offsets[i]:Offsets[i+1].
	Offsets []int64 `json:"offsets"`
}

// storeWriter writes the paragraph store of a generation being built.
type storeWriter struct {
	dir string
	f   *os.File
	w   *bufio.Writer
	ix  storeIndex
}

func newStoreWriter(dir string) (*storeWriter, error) {
	f, err := os.Create(filepath.Join(dir, storeFile))
	if err != nil {
		return nil, fmt.Errorf("create paragraph store: %w", err)
	}
	return &storeWriter{dir: dir, f: f, w: bufio.NewWriterSize(f, 1<<20), ix: storeIndex{Articles: map[string][2]int{}, Offsets: []int64{0}}}, nil
}

// add appends the records of an article's paragraphs, in order.
func (s *storeWriter) add(articleID string, records [][]byte) error {
	s.ix.Articles[articleID] = [2]int{len(s.ix.Offsets) - 1, len(records)}
	end := s.ix.Offsets[len(s.ix.Offsets)-1]
	for _, r := range records {
		if _, err := s.w.Write(r); err != nil {
			return fmt.Errorf("write paragraph store: %w", err)
		}
		if err := s.w.WriteByte('\n'); err != nil {
			return fmt.Errorf("write paragraph store: %w", err)
		}
		end += int64(len(r)) + 1
		s.ix.Offsets = append(s.ix.Offsets, end)
	}
	return nil
}

// copyArticle appends an article's records from the previous generation's
// store unchanged.
func (s *storeWriter) copyArticle(from *paragraphStore, articleID string) error {
	a, ok := from.ix.Articles[articleID]
	first, paragraphs := a[0], a[1]
	if !ok || first+paragraphs >= len(from.ix.Offsets) {
		return fmt.Errorf("previous paragraph store lacks article %s", articleID)
	}
	start, end := from.ix.Offsets[first], from.ix.Offsets[first+paragraphs]
	s.ix.Articles[articleID] = [2]int{len(s.ix.Offsets) - 1, paragraphs}
	base := s.ix.Offsets[len(s.ix.Offsets)-1] - start
	if _, err := io.CopyN(s.w, io.NewSectionReader(from.f, start, end-start), end-start); err != nil {
		return fmt.Errorf("copy paragraphs of %s: %w", articleID, err)
	}
	for _, off := range from.ix.Offsets[first+1 : first+paragraphs+1] {
		s.ix.Offsets = append(s.ix.Offsets, base+off)
	}
	return nil
}

// close flushes the records to disk and writes the store's index.
func (s *storeWriter) close() error {
	err := s.w.Flush()
	if err == nil {
		err = s.f.Sync()
	}
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write paragraph store: %w", err)
	}
	return writeJSONFile(filepath.Join(s.dir, storeIndexFile), s.ix)
}

// abort closes the store after a failed build (whose directory is removed).
func (s *storeWriter) abort() { _ = s.f.Close() }

// paragraphStore reads the paragraph store of a generation. It is safe for
// concurrent use.
type paragraphStore struct {
	f  *os.File
	ix storeIndex
}

func openStore(dir string) (*paragraphStore, error) {
	b, err := os.ReadFile(filepath.Join(dir, storeIndexFile))
	if err != nil {
		return nil, fmt.Errorf("read paragraph store index: %w", err)
	}
	var ix storeIndex
	if err := json.Unmarshal(b, &ix); err != nil {
		return nil, fmt.Errorf("decode paragraph store index: %w", err)
	}
	f, err := os.Open(filepath.Join(dir, storeFile))
	if err != nil {
		return nil, fmt.Errorf("open paragraph store: %w", err)
	}
	info, err := f.Stat()
	if err == nil {
		err = ix.check(info.Size())
	}
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("paragraph store %s: %w", dir, err)
	}
	return &paragraphStore{f: f, ix: ix}, nil
}

// check reports an index that does not describe a store file of size
// bytes: offsets that go back or past its end, articles outside them.
func (ix storeIndex) check(size int64) error {
	if len(ix.Offsets) == 0 || ix.Offsets[0] != 0 {
		return errors.New("index does not start at offset 0")
	}
	for i := 1; i < len(ix.Offsets); i++ {
		if ix.Offsets[i] < ix.Offsets[i-1] {
			return fmt.Errorf("index offset %d goes back", i)
		}
	}
	if last := ix.Offsets[len(ix.Offsets)-1]; last != size {
		return fmt.Errorf("index ends at %d bytes, the file has %d", last, size)
	}
	records := len(ix.Offsets) - 1
	for id, a := range ix.Articles {
		if a[0] < 0 || a[1] < 0 || a[0]+a[1] > records {
			return fmt.Errorf("article %s lies outside the index's %d records", id, records)
		}
	}
	return nil
}

// raw returns the record of document id ("article#pN"); ok is false when
// the store has no such paragraph.
func (s *paragraphStore) raw(id string) (rec []byte, ok bool, err error) {
	article, n, ok := bleveindex.SplitDocID(id)
	a, known := s.ix.Articles[article]
	if !ok || !known || n < 1 || n > a[1] {
		return nil, false, nil
	}
	r := a[0] + n - 1
	if r+1 >= len(s.ix.Offsets) {
		return nil, false, fmt.Errorf("paragraph store index: record %d of %s out of range", r, id)
	}
	start, end := s.ix.Offsets[r], s.ix.Offsets[r+1]
	rec = make([]byte, end-start)
	if _, err := s.f.ReadAt(rec, start); err != nil {
		return nil, false, fmt.Errorf("read paragraph %s: %w", id, err)
	}
	return rec, true, nil
}

// get returns the stored paragraph of document id.
func (s *paragraphStore) get(id string) (storedParagraph, bool, error) {
	rec, ok, err := s.raw(id)
	if !ok || err != nil {
		return storedParagraph{}, ok, err
	}
	var sp storedParagraph
	if err := json.Unmarshal(rec, &sp); err != nil {
		return storedParagraph{}, false, fmt.Errorf("decode stored paragraph %s: %w", id, err)
	}
	if bleveindex.DocID(sp.Article.ID, sp.Paragraph.Number) != id {
		return storedParagraph{}, false, fmt.Errorf("paragraph store: record for %s holds %s", id, bleveindex.DocID(sp.Article.ID, sp.Paragraph.Number))
	}
	return sp, true, nil
}

func (s *paragraphStore) close() error { return s.f.Close() }

// storedParagraph is the record the paragraph store keeps of a paragraph:
// everything needed to show a passage without reading the corpus again.
type storedParagraph struct {
	Article   corpus.ArticleRef `json:"a"`
	Paragraph corpus.Paragraph  `json:"p"`
}

// copyStored copies the stored paragraphs of the reused articles from the
// previous generation genDir.
func copyStored(w *storeWriter, genDir string, reused []string) error {
	prev, err := openStore(genDir)
	if err != nil {
		return fmt.Errorf("previous generation: %w", err)
	}
	defer prev.close()
	for _, id := range reused {
		if err := w.copyArticle(prev, id); err != nil {
			return err
		}
	}
	return nil
}
