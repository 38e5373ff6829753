package extract

// nearest answers which paragraph nearest another gives something, from
// what each paragraph gives ("" for nothing).
type nearest struct {
	upTo []string // what the nearest paragraph at or before i gives
	from []string // what the nearest paragraph at or after i gives
}

func newNearest(found []string) nearest {
	n := nearest{upTo: make([]string, len(found)), from: make([]string, len(found))}
	for i, f := range found {
		n.upTo[i] = f
		if f == "" && i > 0 {
			n.upTo[i] = n.upTo[i-1]
		}
	}
	for i := len(found) - 1; i >= 0; i-- {
		n.from[i] = found[i]
		if found[i] == "" && i+1 < len(found) {
			n.from[i] = n.from[i+1]
		}
	}
	return n
}

// atOrBefore is what the nearest paragraph at or before i gives, or "".
func (n nearest) atOrBefore(i int) string { return n.upTo[i] }

// after is what the nearest paragraph after i gives, or "".
func (n nearest) after(i int) string {
	if i+1 < len(n.from) {
		return n.from[i+1]
	}
	return ""
}
