package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/newsdesk/newsdesk/corpus"
)

// writeSkipped lists the skipped files with their reasons: all of them
// when there are at most maxSkippedListed, else the first ones, how many
// more, and a count for each kind of reason.
func writeSkipped(w io.Writer, skipped []corpus.Skipped) {
	fmt.Fprintf(w, "Skipped %s:\n", plural(len(skipped), "file"))
	for _, s := range skipped[:min(len(skipped), maxSkippedListed)] {
		fmt.Fprintf(w, "  %s: %s\n", s.Path, s.Reason)
	}
	if len(skipped) <= maxSkippedListed {
		return
	}
	fmt.Fprintf(w, "  … and %d more (`newsdesk index --json` lists them all)\n", len(skipped)-maxSkippedListed)
	type kind struct {
		reason string
		n      int
	}
	var kinds []kind
	for _, s := range skipped {
		r := reasonKind(s.Reason)
		if i := slices.IndexFunc(kinds, func(k kind) bool { return k.reason == r }); i >= 0 {
			kinds[i].n++
		} else {
			kinds = append(kinds, kind{r, 1})
		}
	}
	slices.SortStableFunc(kinds, func(a, b kind) int { return cmp.Compare(b.n, a.n) })
	fmt.Fprintln(w, "Skipped by reason:")
	width := len(fmt.Sprint(kinds[0].n))
	for _, k := range kinds {
		fmt.Fprintf(w, "  %*d  %s\n", width, k.n, k.reason)
	}
}

// reasonKind is the kind of a skip reason, without the details that make
// each one different: "file too large: 12.5 MiB (limit 10 MiB)" is "file
// too large", `unknown file type ".docx" (want …)` is "unknown file type".
func reasonKind(reason string) string {
	for _, sep := range []string{": ", " (", "; ", ` "`} {
		reason, _, _ = strings.Cut(reason, sep)
	}
	return reason
}
