package index

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus/load"
)

// filesMagic starts filesFile; the byte after it is the format's version.
const filesMagic = "NDFT\x01"

// encodeFiles writes the files table: magic; the number of files; for
// each, by path, the path, size and modification time, and its
// articles' IDs; and a CRC-32C of all before it. It takes a few
// milliseconds at 71,000 files, which gob took tenfold.
func encodeFiles(files map[string]fileEntry) []byte {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	b := make([]byte, 0, len(files)*64+16)
	b = append(b, filesMagic...)
	b = binary.AppendUvarint(b, uint64(len(paths)))
	for _, p := range paths {
		f := files[p]
		b = appendString(b, p)
		b = binary.AppendUvarint(b, uint64(max(f.Stamp.Size, 0)))
		b = binary.AppendVarint(b, f.Stamp.ModTime)
		b = binary.AppendUvarint(b, uint64(len(f.IDs)))
		for _, id := range f.IDs {
			b = appendString(b, id)
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crcTable))
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeFiles reads what encodeFiles wrote. The paths and IDs share one
// string, the table's, instead of taking an allocation each.
func decodeFiles(raw []byte) (map[string]fileEntry, error) {
	if len(raw) < len(filesMagic)+4 || string(raw[:len(filesMagic)]) != filesMagic {
		return nil, errors.New("not a files table of this newsdesk")
	}
	body, sum := raw[:len(raw)-4], binary.LittleEndian.Uint32(raw[len(raw)-4:])
	if crc32.Checksum(body, crcTable) != sum {
		return nil, errors.New("its checksum does not match")
	}
	all := string(body) // one copy; substrings of it below
	r := reader{b: body[len(filesMagic):]}
	str := func() string {
		n := r.count(len(body))
		start := len(body) - len(r.b)
		r.bytes(n)
		if r.err != nil {
			return ""
		}
		return all[start : start+n]
	}
	n := r.count(len(body))
	files := make(map[string]fileEntry, n)
	var ids []string
	for range n {
		p := str()
		st := load.Stamp{Size: int64(r.uvarint())}
		mtime, k := binary.Varint(r.b)
		if k <= 0 {
			r.fail("a time")
			break
		}
		r.b = r.b[k:]
		st.ModTime = mtime
		first := len(ids)
		for range r.count(len(body)) {
			ids = append(ids, str())
		}
		files[p] = fileEntry{Stamp: st, IDs: ids[first:len(ids):len(ids)]}
		if r.err != nil {
			break
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%d bytes after its end", len(r.b))
	}
	return files, nil
}

// readFiles reads the files table of the generation in genDir.
func readFiles(genDir string) (map[string]fileEntry, error) {
	b, err := os.ReadFile(filepath.Join(genDir, filesFile))
	if err != nil {
		return nil, fmt.Errorf("read files table: %w", err)
	}
	files, err := decodeFiles(b)
	if err != nil {
		return nil, fmt.Errorf("decode files table %s: %w", genDir, err)
	}
	return files, nil
}

// maxShards is the most shards of article records a generation has; at
// a million paragraphs (71,000 articles) a shard is then about 150 KB.
const maxShards = 256

// shardsFor is how many shards suit a corpus of articles: about 256
// articles a shard, a power of two, at least 1 and at most maxShards. A
// build keeps the previous generation's count while it is within a
// factor of four of this (buildPlan.shards).
func shardsFor(articles int) int {
	n := 1
	for n < maxShards && n*256 < articles {
		n *= 2
	}
	return n
}

// shardOf is the shard, of n, that holds the record of article id.
func shardOf(id string, n int) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	return int(h.Sum32() % uint32(max(n, 1)))
}

// shardPath is the file of shard s in the generation in genDir.
func shardPath(genDir string, s int) string {
	return filepath.Join(genDir, articlesDir, fmt.Sprintf("%02x.gob", s))
}

// readShard reads shard s, of n, of the generation in genDir: gob, then
// a CRC-32C of it.
func readShard(genDir string, s, n int) (map[string]*articleRecord, error) {
	b, err := os.ReadFile(shardPath(genDir, s))
	if err != nil {
		return nil, fmt.Errorf("read article records: %w", err)
	}
	if len(b) < 4 || crc32.Checksum(b[:len(b)-4], crcTable) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, fmt.Errorf("article records %s: their checksum does not match", shardPath(genDir, s))
	}
	var recs []articleRecord
	if err := gob.NewDecoder(bytes.NewReader(b[:len(b)-4])).Decode(&recs); err != nil {
		return nil, fmt.Errorf("decode article records %s: %w", shardPath(genDir, s), err)
	}
	out := make(map[string]*articleRecord, len(recs))
	for i := range recs {
		if shardOf(recs[i].Ref.ID, n) != s {
			return nil, fmt.Errorf("article records %s: %s belongs to another shard", shardPath(genDir, s), recs[i].Ref.ID)
		}
		out[recs[i].Ref.ID] = &recs[i]
	}
	return out, nil
}

// writeShard writes recs as shard s of the generation in genDir, by ID.
func writeShard(genDir string, s int, recs []*articleRecord) error {
	slices.SortFunc(recs, func(a, b *articleRecord) int { return strings.Compare(a.Ref.ID, b.Ref.ID) })
	flat := make([]articleRecord, len(recs))
	for i, r := range recs {
		flat[i] = *r
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(flat); err != nil {
		return fmt.Errorf("encode article records: %w", err)
	}
	b := binary.LittleEndian.AppendUint32(buf.Bytes(), crc32.Checksum(buf.Bytes(), crcTable))
	// Not synced here: the build syncs the generation's tree (syncTree).
	if err := os.WriteFile(shardPath(genDir, s), b, 0o644); err != nil {
		return fmt.Errorf("write article records: %w", err)
	}
	return nil
}
