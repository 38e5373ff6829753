//go:build !linux

package load

import "os"

// statDir is an open directory whose entries are stat-ed; on this
// system by their whole path, as os.Stat does.
type statDir struct{}

// openDir is the statDir of f.
func openDir(*os.File) statDir { return statDir{} }

// stat stats the entry name of d, whose path is abs, following a
// symbolic link as os.Stat does.
func (statDir) stat(_, abs string) (fileStat, error) { return statPath(abs) }

// readDir opens the directory abs and reads its entries, sorted by name,
// as os.ReadDir does; the directory is left open for statDir. On error
// nothing is left open.
func readDir(abs string) (*os.File, []dirent, error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, nil, err
	}
	des, err := f.ReadDir(-1)
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	ents := make([]dirent, len(des))
	for i, d := range des {
		ents[i] = dirent{name: d.Name(), typ: d.Type()}
	}
	sortDirents(ents)
	return f, ents, nil
}
