package index

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"

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
	storeIndexFile = "paragraphs.idx"
)

// storeIndex is the content of storeIndexFile (store_index.go).
type storeIndex struct {
	// Articles holds, for each article, the record number of its first
	// paragraph and how many it has: paragraph n is record first+n-1.
	Articles map[string][2]int
	// Offsets are the byte offsets of the records, and where the store
	// ended when the index was written last: record i starts at Offsets[i]
	// and ends at its newline, before Offsets[i+1] (a shared store may
	// hold a gap between them, the record of an article changed since).
	Offsets []int64
	// Sums are the CRC-32C checksums of the records (newline included),
	// so that a damaged one is found without decoding it.
	Sums []uint32
}

// crcTable is the Castagnoli polynomial, which CPUs compute in hardware.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// checkSum reports record r, as read, when it does not match its sum.
func (ix *storeIndex) checkSum(r int, rec []byte, id string) error {
	if crc32.Checksum(rec, crcTable) != ix.Sums[r] {
		return fmt.Errorf("%w %s: its checksum does not match", errDamagedRecord, id)
	}
	return nil
}

// storeWriter writes the paragraph store of a generation being built.
//
// An incremental build shares the previous generation's store file (a
// hard link) and appends the records of the articles analysed afresh; the
// records it carries over stay where they are, and those of changed or
// removed articles become gaps no record's offset points into (a record
// ends at its newline). A build whose carried-over records would fill
// less than half the file writes a new one instead (newStoreWriter).
type storeWriter struct {
	dir string
	f   *os.File
	w   *bufio.Writer
	// ix holds the records' starts while writing; close appends the end.
	ix storeIndex
	// end is the file's length: where the next record goes.
	end int64
	// shared is set when the file is the previous generation's, linked.
	shared bool
}

func newStoreWriter(dir string) (*storeWriter, error) {
	f, err := os.Create(filepath.Join(dir, storeFile))
	if err != nil {
		return nil, fmt.Errorf("create paragraph store: %w", err)
	}
	return &storeWriter{dir: dir, f: f, w: bufio.NewWriterSize(f, 1<<20), ix: storeIndex{Articles: map[string][2]int{}}}, nil
}

// sharedStoreWriter links the store file of the previous generation
// (prevDir, open as prev) into dir and appends to it, when the records
// to carry over (live bytes) fill at least half of it; else, or when the
// file system cannot link, it is newStoreWriter.
func sharedStoreWriter(dir, prevDir string, prev *paragraphStore, live int64) (*storeWriter, error) {
	size := prev.ix.Offsets[len(prev.ix.Offsets)-1]
	if live*2 < size {
		return newStoreWriter(dir)
	}
	path := filepath.Join(dir, storeFile)
	if err := os.Link(filepath.Join(prevDir, storeFile), path); err != nil {
		return newStoreWriter(dir)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, fmt.Errorf("open paragraph store: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("open paragraph store: %w", err)
	}
	return &storeWriter{dir: dir, f: f, w: bufio.NewWriterSize(f, 1<<20), ix: storeIndex{Articles: map[string][2]int{}},
		end: info.Size(), shared: true}, nil
}

// add appends the records of an article's paragraphs, in order.
func (s *storeWriter) add(articleID string, records [][]byte) error {
	s.ix.Articles[articleID] = [2]int{len(s.ix.Offsets), len(records)}
	for _, r := range records {
		if _, err := s.w.Write(r); err != nil {
			return fmt.Errorf("write paragraph store: %w", err)
		}
		if err := s.w.WriteByte('\n'); err != nil {
			return fmt.Errorf("write paragraph store: %w", err)
		}
		s.ix.Offsets = append(s.ix.Offsets, s.end)
		s.end += int64(len(r)) + 1
		s.ix.Sums = append(s.ix.Sums, crc32.Update(crc32.Checksum(r, crcTable), crcTable, []byte{'\n'}))
	}
	return nil
}

// copyArticle carries an article's records over from the previous
// generation's store: in place when the file is shared, else appended.
// Unless trusted (storeTrusted), it reads and checks them first, and
// carries nothing and returns an errDamagedRecord error when one of them
// is damaged. Carry articles in the order of their records (copyStored).
func (s *storeWriter) copyArticle(from *paragraphStore, rd *rangeReader, articleID string, trusted bool) error {
	a, ok := from.ix.Articles[articleID]
	first, paragraphs := a[0], a[1]
	if !ok || first+paragraphs >= len(from.ix.Offsets) {
		return fmt.Errorf("%w: the previous paragraph store lacks article %s", errDamagedRecord, articleID)
	}
	if s.shared && trusted {
		s.ix.Articles[articleID] = [2]int{len(s.ix.Offsets), paragraphs}
		s.ix.Offsets = append(s.ix.Offsets, from.ix.Offsets[first:first+paragraphs]...)
		s.ix.Sums = append(s.ix.Sums, from.ix.Sums[first:first+paragraphs]...)
		return nil
	}
	start, end := from.ix.Offsets[first], from.ix.Offsets[first+paragraphs]
	buf, err := rd.read(start, end)
	if err != nil {
		return fmt.Errorf("copy paragraphs of %s: %w", articleID, err)
	}
	recs := make([][]byte, paragraphs)
	for n := 1; n <= paragraphs; n++ {
		r := first + n - 1
		rec := record(buf[from.ix.Offsets[r]-start : from.ix.Offsets[r+1]-start])
		if crc32.Checksum(rec, crcTable) != from.ix.Sums[r] {
			return from.ix.checkSum(r, rec, bleveindex.DocID(articleID, n))
		}
		recs[n-1] = rec
	}
	if !s.shared {
		return s.add(articleID, trimNewlines(recs))
	}
	s.ix.Articles[articleID] = [2]int{len(s.ix.Offsets), paragraphs}
	s.ix.Offsets = append(s.ix.Offsets, from.ix.Offsets[first:first+paragraphs]...)
	s.ix.Sums = append(s.ix.Sums, from.ix.Sums[first:first+paragraphs]...)
	return nil
}

// adopt carries over, in place, the records of every article of the
// previous generation's shared store but those of drop (changed or
// removed), without reading them: the store is trusted (storeTrusted).
// The records of drop, like those of articles changed before, become
// gaps, numbered but no article's. It takes the index of from, which is
// not to be read again.
func (s *storeWriter) adopt(from *paragraphStore, drop []string) {
	ix := from.ix
	for _, id := range drop {
		delete(ix.Articles, id)
	}
	// The last offset is where the store ended; the records appended
	// now start at its end as it is.
	ix.Offsets = ix.Offsets[:len(ix.Offsets)-1]
	s.ix = ix
	from.ix = storeIndex{}
}

// paragraphs is how many paragraphs the index's articles have: its
// records less its gaps.
func (ix *storeIndex) paragraphs() int {
	n := 0
	for _, a := range ix.Articles {
		n += a[1]
	}
	return n
}

// rangeReader reads ranges of a file, in increasing order, through one
// large buffer: carrying a million paragraphs over takes a few hundred
// reads, not one for each article.
type rangeReader struct {
	f   *os.File
	buf []byte
	off int64 // the file offset of buf[0]
}

// rangeWindow is how much of the file rangeReader reads at once.
const rangeWindow = 4 << 20

// read returns bytes start:end of the file, valid until the next read.
func (r *rangeReader) read(start, end int64) ([]byte, error) {
	if start >= r.off && end <= r.off+int64(len(r.buf)) {
		return r.buf[start-r.off : end-r.off], nil
	}
	size := max(rangeWindow, int(end-start))
	if cap(r.buf) < size {
		r.buf = make([]byte, size)
	}
	n, err := r.f.ReadAt(r.buf[:size], start)
	if int64(n) < end-start {
		if err == nil || errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		r.buf, r.off = r.buf[:0], 0
		return nil, err
	}
	r.buf, r.off = r.buf[:n], start
	return r.buf[:end-start], nil
}

// liveBytes is how many bytes of the store the records of articles take.
func (s *paragraphStore) liveBytes(articles []string) int64 {
	var n int64
	for _, id := range articles {
		if r, ok := s.ix.Articles[id]; ok && r[0]+r[1] < len(s.ix.Offsets) {
			n += s.ix.Offsets[r[0]+r[1]] - s.ix.Offsets[r[0]]
		}
	}
	return n
}

// record cuts b, the bytes from a record's start to the next record's,
// at the record's newline: a gap may follow it in a shared store.
func record(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1]
	}
	return b
}

// trimNewlines returns the records without their newlines, as add takes them.
func trimNewlines(recs [][]byte) [][]byte {
	out := make([][]byte, len(recs))
	for i, r := range recs {
		out[i] = bytes.TrimSuffix(r, []byte{'\n'})
	}
	return out
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
	s.ix.Offsets = append(s.ix.Offsets, s.end)
	return writeFileSync(filepath.Join(s.dir, storeIndexFile), s.ix.encode())
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
	ix, err := decodeStoreIndex(b)
	if err != nil {
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
	if len(ix.Offsets) == 0 || ix.Offsets[0] < 0 {
		return errors.New("index has no offsets or a negative one")
	}
	for i := 1; i < len(ix.Offsets); i++ {
		if ix.Offsets[i] < ix.Offsets[i-1] {
			return fmt.Errorf("index offset %d goes back", i)
		}
	}
	// A later generation sharing the file may have appended to it.
	if last := ix.Offsets[len(ix.Offsets)-1]; last > size {
		return fmt.Errorf("index ends at %d bytes, the file has %d", last, size)
	}
	records := len(ix.Offsets) - 1
	if len(ix.Sums) != records {
		return fmt.Errorf("index has %d checksums for %d records", len(ix.Sums), records)
	}
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
	rec = record(rec)
	if err := s.ix.checkSum(r, rec, id); err != nil {
		return nil, false, err
	}
	return rec, true, nil
}

// get returns the stored paragraph of document id. A record that does not
// decode or holds another paragraph is an errDamagedRecord error.
func (s *paragraphStore) get(id string) (storedParagraph, bool, error) {
	rec, ok, err := s.raw(id)
	if !ok || err != nil {
		return storedParagraph{}, ok, err
	}
	var sp storedParagraph
	if !decodeRecord(rec, &sp) {
		sp = storedParagraph{}
		err = json.Unmarshal(rec, &sp)
	}
	if err != nil {
		return storedParagraph{}, false, fmt.Errorf("%w %s: %w", errDamagedRecord, id, err)
	}
	if got := bleveindex.DocID(sp.Article.ID, sp.Paragraph.Number); got != id {
		return storedParagraph{}, false, fmt.Errorf("%w %s: it holds %s", errDamagedRecord, id, got)
	}
	return sp, true, nil
}

// errDamagedRecord marks a stored paragraph whose record does not decode
// or holds another paragraph than its place says.
var errDamagedRecord = errors.New("damaged paragraph record")

func (s *paragraphStore) close() error { return s.f.Close() }

// storedParagraph is the record the paragraph store keeps of a paragraph:
// everything needed to show a passage without reading the corpus again.
type storedParagraph struct {
	Article   corpus.ArticleRef `json:"a"`
	Paragraph corpus.Paragraph  `json:"p"`
}

// copyStored copies the stored paragraphs of the carried-over articles
// from the previous generation's store, checking them unless trusted
// (storeTrusted), and returns those it could not copy because a record of
// theirs is damaged: they are to be analysed again.
func copyStored(ctx context.Context, w *storeWriter, prev *paragraphStore, carried []string, trusted bool, log *slog.Logger) ([]string, error) {
	// In the order of their records: a shared file's offsets only grow.
	type place struct {
		first int
		id    string
	}
	order := make([]place, len(carried))
	for i, id := range carried {
		a, ok := prev.ix.Articles[id]
		order[i] = place{a[0], id}
		if !ok {
			order[i].first = -1
		}
	}
	slices.SortFunc(order, func(a, b place) int { return cmp.Compare(a.first, b.first) })
	// Most of the previous index is carried over: room for all of it.
	w.ix.Offsets = slices.Grow(w.ix.Offsets, len(prev.ix.Offsets))
	w.ix.Sums = slices.Grow(w.ix.Sums, len(prev.ix.Sums))
	var redo []string
	rd := &rangeReader{f: prev.f}
	for i, a := range order {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		err := w.copyArticle(prev, rd, a.id, trusted)
		if errors.Is(err, errDamagedRecord) {
			log.Warn("damaged paragraph record in the previous index; analysing the article again", "article", a.id, "err", err)
			redo = append(redo, a.id)
			continue
		}
		if err != nil {
			return nil, err
		}
	}
	return redo, nil
}
