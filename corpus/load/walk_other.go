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
