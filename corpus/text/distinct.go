package text

import (
	"slices"
	"strings"
)

// AppendDistinct appends to list each value, trimmed of white space, that
// is not empty and not yet in list, keeping the order of first use.
func AppendDistinct(list []string, values ...string) []string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}
