package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// storeNoteFile, in the index directory, records the paragraph store of
// the serving generation as the build that published it left it: the
// file's identity, size and change times. Every record of that file was
// written by a build, or checked by one against its checksum; while the
// file's stat is still the recorded one, nothing has written to it since
// (its change time, ctime, which no program can set back, moves with
// every write), and the next build carries its records over without
// reading them again, instead of checking a gigabyte of records at a
// million paragraphs. When the stat differs, or the note is missing, the
// build checks every record it carries over, as before. Questions check
// the records they read in any case.
const storeNoteFile = "paragraphs.checked"

// storeStat is what storeNoteFile records of a store file.
type storeStat struct {
	Generation string `json:"generation"`
	Dev        uint64 `json:"dev"`
	Ino        uint64 `json:"ino"`
	Size       int64  `json:"size"`
	ModTime    int64  `json:"mtime_ns"`
	ChangeTime int64  `json:"ctime_ns"`
}

// statStoreOf stats the store file of generation name in dir; ok is false
// where the system gives no change time.
func statStoreOf(dir, name string) (storeStat, bool, error) {
	info, err := os.Stat(filepath.Join(dir, name, storeFile))
	if err != nil {
		return storeStat{}, false, err
	}
	st, ok := fileIdentity(info)
	st.Generation = name
	return st, ok, nil
}

// storeTrusted reports whether the store of generation name in dir is as
// the note says a build left it.
func storeTrusted(dir, name string) bool {
	b, err := os.ReadFile(filepath.Join(dir, storeNoteFile))
	if err != nil {
		return false
	}
	var note storeStat
	if json.Unmarshal(b, &note) != nil || note.Generation != name {
		return false
	}
	st, ok, err := statStoreOf(dir, name)
	return err == nil && ok && st == note
}

// noteStore records the store of generation name in dir as it is now.
// The caller holds the build lock, and has finished with the file: its
// own changes, and unlinking the generations it removed.
//
// A write within the same tick of the file system's clock as the last
// change would leave the change time as it is, so the note is only kept
// once that clock has moved on (the note's own modification time is past
// the store's change time): a later write to the store shows in its stat.
// This takes a few milliseconds at most.
func noteStore(dir, name string) error {
	st, ok, err := statStoreOf(dir, name)
	if err != nil || !ok {
		return err
	}
	b, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("encode %s: %w", storeNoteFile, err)
	}
	tmp := filepath.Join(dir, storeNoteFile+tmpSuffix)
	for range 200 {
		if err := writeFileSync(tmp, b); err != nil {
			return err
		}
		info, err := os.Stat(tmp)
		if err != nil {
			return fmt.Errorf("stat %s: %w", tmp, err)
		}
		if info.ModTime().UnixNano() > st.ChangeTime {
			if err := os.Rename(tmp, filepath.Join(dir, storeNoteFile)); err != nil {
				return fmt.Errorf("write %s: %w", storeNoteFile, err)
			}
			return nil
		}
		time.Sleep(time.Millisecond)
	}
	_ = os.Remove(tmp)
	return nil
}
