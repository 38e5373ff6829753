package load

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/newsdesk/newsdesk/corpus"
)

// Fingerprint returns a cheap digest of the files under dir (paths, sizes,
// modification times): it changes whenever an article file is added,
// removed or edited. Ignored names (see Dir) do not count.
func Fingerprint(ctx context.Context, dir string) (string, error) {
	files, skipped, err := listFiles(ctx, dir)
	if err != nil {
		return "", err
	}
	return fingerprintOf(files, skipped), nil
}

// fingerprintOf is the Fingerprint of a listing.
func fingerprintOf(files []candidate, skipped []corpus.Skipped) string {
	h := sha256.New()
	// The bytes of fmt's "%s\x00%d\x00%d\n", without its cost per file.
	var line []byte
	for _, f := range files {
		line = append(line[:0], f.rel...)
		line = append(line, 0)
		line = strconv.AppendInt(line, f.size, 10)
		line = append(line, 0)
		line = strconv.AppendInt(line, f.modTime.UnixNano(), 10)
		line = append(line, '\n')
		_, _ = h.Write(line)
	}
	for _, s := range skipped {
		fmt.Fprintf(h, "%s\x00skipped\x00%s\n", s.Path, s.Reason)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
