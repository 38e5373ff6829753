// Command wordnetgen writes the synonyms ranking takes from WordNet: for
// each common English word, the words that share one of its most frequent
// senses, in one of theirs; for each phrase of two or three words ("step
// down", "put to death"), the single words of its first sense.
//
// It is run once, by hand, not in CI (go generate ./index/rank): WordNet
// comes from Debian's wordnet-base package, unpacked without installing:
//
//	apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb /tmp/wn
//	go run ./index/rank/internal/wordnetgen -dict /tmp/wn/usr/share/wordnet -out index/rank/wordnet.txt
//
// Only senses that WordNet's sense-tagged corpus attests count (or a word's
// only sense), and only
// the first few of a word (WordNet lists a word's senses most frequent
// first): "corpse" and "body" share "dead body", but "body" is no synonym
// of "organization" for a news reader, though WordNet has that sense too.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// notice is WordNet's licence, which every copy of its data must carry.
const notice = `# Synonyms from WordNet 3.0, written by index/rank/internal/wordnetgen.
# A line is a word's stem and the stems of the words that share one of its
# most frequent senses, stemmed as the index stems (index/bleveindex.Stem);
# or a phrase's stems joined by "_" and the single words of its first sense.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database
# and its documentation for any purpose and without fee or royalty is hereby
# granted, provided that you agree to comply with the following copyright
# notice and statements, including the disclaimer, and that the same appear
# on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY
# PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS,
# TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton
# may not be used in advertising or publicity pertaining to distribution of
# the software and/or database. Title to copyright in this software,
# database and any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
`

var parts = []string{"noun", "verb", "adj", "adv"}

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "WordNet's dict directory")
	out := flag.String("out", "index/rank/wordnet.txt", "file to write")
	senses := flag.Int("senses", 1, "how many of a word's most frequent senses count")
	flag.Parse()
	syn, err := synonyms(*dict, *senses)
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := write(f, syn, bleveindex.Stem); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// sense is a synset of one part of speech.
type sense struct {
	part   string
	offset string
}

// synonyms reads WordNet under dict and returns, for each word, the words
// sharing one of its first k attested senses among their own first k.
func synonyms(dict string, k int) (map[string][]string, error) {
	top := map[string][]sense{}     // word or phrase → its first k attested senses
	members := map[sense][]string{} // sense → the single words for which it is top
	for _, part := range parts {
		if err := readIndex(filepath.Join(dict, "index."+part), part, k, func(word string, s sense) {
			top[word] = append(top[word], s)
			if !strings.Contains(word, "_") {
				members[s] = append(members[s], word)
			}
		}); err != nil {
			return nil, err
		}
	}
	out := map[string][]string{}
	demonyms, err := readDemonyms(dict)
	if err != nil {
		return nil, err
	}
	lemmas, err := readLemmas(dict)
	if err != nil {
		return nil, err
	}
	for word, ss := range top {
		for _, s := range ss {
			if strings.Contains(word, "_") {
				// A phrase's sense is seldom a single word's first: its
				// synonyms are the single words of that sense, whatever
				// their own first sense ("step down": resign, quit).
				for _, other := range lemmas[s] {
					if !strings.Contains(other, "_") && !slices.Contains(out[word], other) {
						out[word] = append(out[word], other)
					}
				}
				continue
			}
			for _, other := range members[s] {
				if other != word && !slices.Contains(out[word], other) {
					out[word] = append(out[word], other)
				}
			}
		}
	}
	for _, pair := range demonyms {
		for _, p := range [][2]string{pair, {pair[1], pair[0]}} {
			if !slices.Contains(out[p[0]], p[1]) {
				out[p[0]] = append(out[p[0]], p[1])
			}
		}
	}
	return out, nil
}

// readLemmas returns the words of every synset, lower-cased.
func readLemmas(dict string) (map[sense][]string, error) {
	out := map[sense][]string{}
	for _, part := range parts {
		err := readData(filepath.Join(dict, "data."+part), func(offset string, words []string, _ []pointer) {
			s := sense{part, offset}
			for _, w := range words {
				out[s] = append(out[s], strings.ToLower(w))
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readDemonyms returns the adjectives of proper names and the names they
// pertain to, lower-cased: "French" and "France", "Moroccan" and
// "Morocco". News writes one where a question writes the other ("France's
// foreign minister", "French Foreign Minister Catherine Colonna").
func readDemonyms(dict string) ([][2]string, error) {
	nouns := map[string][]string{} // offset → words
	if err := readData(filepath.Join(dict, "data.noun"), func(offset string, words []string, _ []pointer) {
		nouns[offset] = words
	}); err != nil {
		return nil, err
	}
	var out [][2]string
	err := readData(filepath.Join(dict, "data.adj"), func(_ string, words []string, ptrs []pointer) {
		for _, p := range ptrs {
			target := nouns[p.offset]
			if p.symbol != `\` || p.part != "n" || p.target < 1 || p.target > len(target) {
				continue
			}
			for i, adj := range words {
				if p.source != 0 && p.source != i+1 {
					continue
				}
				name := target[p.target-1]
				if properWord(adj) && properWord(name) {
					out = append(out, [2]string{strings.ToLower(adj), strings.ToLower(name)})
				}
			}
		}
	})
	return out, err
}

// properWord reports whether w is a single capitalised word.
func properWord(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && !strings.ContainsAny(w, "_-.'0123456789")
}

// pointer is a WordNet pointer from a synset: its symbol (\ for
// "pertains to"), the synset it points to, and the words it joins,
// numbered from 1, 0 for all.
type pointer struct {
	symbol, offset, part string
	source, target       int
}

// readData calls add with each synset of a WordNet data file: its offset,
// its words and its pointers.
func readData(path string, add func(offset string, words []string, ptrs []pointer)) error {
	return scanData(path, func(line string) error {
		fs := strings.Fields(line)
		bad := fmt.Errorf("bad line %.60q", line)
		if len(fs) < 4 {
			return bad
		}
		n, err := strconv.ParseInt(fs[3], 16, 0)
		if err != nil || len(fs) < 5+2*int(n) {
			return bad
		}
		var words []string
		for i := range int(n) {
			w, _, _ := strings.Cut(fs[4+2*i], "(") // "galore(ip)": a syntactic marker
			words = append(words, w)
		}
		rest := fs[4+2*n:]
		np, err := strconv.Atoi(rest[0])
		if err != nil || len(rest) < 1+4*np {
			return bad
		}
		var ptrs []pointer
		for i := range np {
			p := rest[1+4*i : 5+4*i]
			st, err := strconv.ParseUint(p[3], 16, 16)
			if err != nil {
				return bad
			}
			ptrs = append(ptrs, pointer{symbol: p[0], offset: p[1], part: p[2], source: int(st >> 8), target: int(st & 0xff)})
		}
		add(fs[0], words, ptrs)
		return nil
	})
}

// readIndex calls add for each single word of a WordNet index file, and
// each phrase of two or three words ("step_down", "put_to_death"), and
// each of its first k senses that the sense-tagged corpus attests, or its
// one sense. A phrase's synonyms are single words (members of its senses):
// a question's "step down" matches a passage's "resigned".
func readIndex(path, part string, k int, add func(word string, s sense)) error {
	return scanData(path, func(line string) error {
		fs := strings.Fields(line)
		if len(fs) < 6 || strings.ContainsAny(fs[0], "-.'0123456789") || strings.Count(fs[0], "_") > 2 || prepositionalVerb(fs[0]) {
			return nil // an abbreviation, a number, a long phrase, a verb and its object's preposition
		}
		ptrs, err := strconv.Atoi(fs[3])
		if err != nil || len(fs) < 6+ptrs {
			return fmt.Errorf("bad line %q", line)
		}
		tagged, err := strconv.Atoi(fs[5+ptrs])
		if err != nil {
			return fmt.Errorf("bad line %q", line)
		}
		offsets := fs[6+ptrs:]
		if len(offsets) == 1 {
			tagged = 1 // a word of one sense has it, tagged or not: "UK"
		}
		for i := 0; i < min(k, tagged, len(offsets)); i++ {
			add(fs[0], sense{part, offsets[i]})
		}
		return nil
	})
}

// prepositionalVerb reports whether a phrase is a word and the
// preposition that introduces its object ("escape_from", "look_at"):
// such a pair mostly means the word, and WordNet's sense for it is a
// narrow one ("escape from" as "shake off"). A particle stays: "step
// down", "set up", "look into".
func prepositionalVerb(phrase string) bool {
	_, last, ok := strings.Cut(phrase, "_")
	if !ok || strings.Contains(last, "_") {
		return false
	}
	switch last {
	case "from", "with", "for", "of", "at", "to", "on", "about", "by", "in", "as", "after", "against":
		return true
	}
	return false
}

// scanData calls each with every line of a WordNet file but its licence.
func scanData(path string, each func(line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read WordNet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, " ") {
			if err := each(line); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read WordNet: %w", err)
	}
	return nil
}

// stemPhrase stems each word of a WordNet word or phrase ("step_down" →
// "step_down", "put_to_death" → "put_to_death"), joined by "_" as
// WordNet joins them.
func stemPhrase(word string, stem func(string) string) string {
	parts := strings.Split(word, "_")
	for i, p := range parts {
		parts[i] = stem(p)
	}
	return strings.Join(parts, "_")
}

// write writes the synonyms after WordNet's notice, stemmed with stem (the
// index's stemming, so that a question's stems look them up as they are):
// a stem a line, in order, then its synonyms' stems. Words of one stem
// ("loss", "losses") share a line.
func write(w io.Writer, syn map[string][]string, stem func(string) string) error {
	stems := map[string][]string{}
	for word, others := range syn {
		key := stemPhrase(word, stem)
		for _, o := range others {
			if st := stem(o); st != key && !slices.Contains(stems[key], st) {
				stems[key] = append(stems[key], st)
			}
		}
	}
	keys := make([]string, 0, len(stems))
	for k, v := range stems {
		if len(v) > 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	bw := bufio.NewWriter(w)
	bw.WriteString(notice)
	for _, k := range keys {
		others := stems[k]
		slices.Sort(others)
		fmt.Fprintf(bw, "%s %s\n", k, strings.Join(others, " "))
	}
	return bw.Flush()
}
