package extract

import (
	"strings"
	"unicode"
)

// nameList is a list of names without repeats, ignoring case as
// strings.EqualFold does, in the order of first use. Adding a name costs
// the same however long the list is.
type nameList struct {
	list []string
	seen map[string]bool // foldKey of each name of list
}

// namesOf is a nameList of list as it is, repeats included.
func namesOf(list []string) nameList {
	l := nameList{list: list, seen: make(map[string]bool, len(list))}
	for _, s := range list {
		l.seen[foldKey(s)] = true
	}
	return l
}

// has reports whether the list has s in some case.
func (l *nameList) has(s string) bool { return l.seen[foldKey(s)] }

// add appends s unless the list has it in some case already.
func (l *nameList) add(s string) {
	k := foldKey(s)
	if l.seen[k] {
		return
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	l.seen[k] = true
	l.list = append(l.list, s)
}

// foldKey maps s to a key that another string shares exactly when
// strings.EqualFold holds of the two: each rune becomes the least of the
// runes it folds to.
func foldKey(s string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}
