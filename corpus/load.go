package corpus

import "context"

// STUB — owned by the loading helper; replaced by the real implementation.

// Skipped is a file that could not be read as an article, and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// LoadResult is what Load found under a corpus directory.
type LoadResult struct {
	Articles []Article
	Skipped  []Skipped
}

// Load walks dir recursively and reads every article file in it. A bad file
// is skipped with a reason and never stops the walk; the error is non-nil
// only when dir itself cannot be read or ctx ends.
func Load(ctx context.Context, dir string) (LoadResult, error) { return LoadResult{}, nil }

// ParseFile reads the articles of one file; name is its path relative to
// the corpus root and decides the format by its extension.
func ParseFile(name string, data []byte) ([]Article, error) { return nil, nil }

// Fingerprint returns a cheap digest of the files under dir (paths, sizes,
// modification times): it changes whenever an article file is added,
// removed or edited.
func Fingerprint(ctx context.Context, dir string) (string, error) { return "", nil }
