package index

import (
	"os"
	"syscall"
)

// fileIdentity is the device, inode, size and times of a file.
func fileIdentity(info os.FileInfo) (storeStat, bool) {
	sys, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return storeStat{}, false
	}
	return storeStat{Dev: uint64(sys.Dev), Ino: sys.Ino, Size: info.Size(), ModTime: info.ModTime().UnixNano(),
		ChangeTime: sys.Ctim.Nano()}, true
}

// linkCount is how many links (names) a file has.
func linkCount(info os.FileInfo) uint64 {
	if sys, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(sys.Nlink)
	}
	return 1
}
