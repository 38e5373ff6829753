package index

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
)

// checkDecode checks that decodeRecord gives what json.Unmarshal gives
// whenever it decodes rec, and reports whether it did.
func checkDecode(t testing.TB, rec []byte) bool {
	t.Helper()
	var fast, slow storedParagraph
	ok := decodeRecord(rec, &fast)
	err := json.Unmarshal(rec, &slow)
	if ok && err != nil {
		t.Fatalf("decodeRecord read %q, which json.Unmarshal refuses: %v", rec, err)
	}
	if ok && !reflect.DeepEqual(fast, slow) {
		t.Fatalf("decodeRecord of %q:\n got  %#v\n want %#v", rec, fast, slow)
	}
	return ok
}

// TestDecodeRecordMatchesJSON checks the fast decoder against
// encoding/json on the records the store writes and on records it would
// leave to encoding/json.
func TestDecodeRecordMatchesJSON(t *testing.T) {
	day := mustDay(t, "2025-03-10")
	a := &corpus.Article{ID: "x/a.txt", Title: `A "quoted" <title> & more`, Source: "Reuters", URL: "https://example.com/a?b=1&c=2", Published: day, Path: "x/a.txt",
		Paragraphs: []corpus.Paragraph{
			{Number: 1, Text: "Plain text."},
			{Number: 2, Text: "Al-Shara’s “quote”, é\u2028 \t tab\nnewline \\ backslash", Attribution: []string{"SOHR", ""},
				Mentions: []corpus.Mention{{Text: "Ahmed", Name: "Ahmed al-Shara", Kind: corpus.MentionPerson, Role: "the president"}, {Text: "X"}},
				Quotes:   []corpus.Quote{{Text: "We will", Speaker: "Ahmed", Role: "leader"}, {}},
				Figures:  []corpus.Figure{{Count: 1300, CountText: "1,300", Qualifier: "nearly", Who: "people", What: "killed", Where: "Latakia", Source: "SOHR", Reported: day}, {Count: -2}}},
			{Number: 3, Text: "Empty lists", Attribution: []string{}, Mentions: []corpus.Mention{}, Quotes: []corpus.Quote{}, Figures: []corpus.Figure{}},
		}}
	a.Paragraphs[2].Attribution = nil // omitempty drops an empty list; the record below has one
	recs, err := paragraphRecords(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		if !checkDecode(t, rec) {
			t.Errorf("decodeRecord left a record the store writes to encoding/json: %s", rec)
		}
	}
	for _, rec := range []string{
		`{"a":{"id":"x","paragraphs":3},"p":{"number":1,"text":"t","mentions":[],"figures":[]}}` + "\n",
		` { "a" : { "id" : "x" } , "p" : { "number" : 1 , "attribution" : [ "a" , "b" ] } } `,
		`{"a":{"id":"x\u00e9\ud83d\ude00\"\/"},"p":{"number":1,"text":"bad \ud800 surrogate"}}`,
		"{\"a\":{\"id\":\"x\xff\"},\"p\":{\"number\":1}}",
		`{"a":{"ID":"x"},"p":{"number":1}}`,
		`{"a":{"id":"x","extra":1},"p":{"number":1}}`,
		`{"a":{"id":"x"},"p":{"number":1,"quotes":null}}`,
		`{"a":{"id":"x"},"p":{"number":1e0}}`,
		`{"a":{"id":"x"},"p":{"number":01}}`,
		`{"a":{"id":"x"},"p":{"number":1.5}}`,
		`{"a":{"id":"x"},"p":{"number":99999999999999999999}}`,
		`{"a":{"id":"x"},"p":{"number":1,"number":2}}`,
		`{"a":{"id":"x","published":"9 March 2025"},"p":{"number":1}}`,
		`{"a":{"id":"x","published":"not a day"},"p":{"number":1}}`,
		`{"a":{"id":"x"},"p":{"number":1}}trailing`,
		`{"a":{"id":"x"},"p":{"number":1},}`,
		`{"a":{"id":"x"},"p":{"number":1,"text":"unterminated}}`,
		"{\"a\":{\"id\":\"x\ty\"},\"p\":{\"number\":1}}",
		`{"a":{"id":"x"},"p":{"figures":[{"count":-0,"reported":""}]}}`,
		`{"a":{"id":"x"},"p":{"mentions":[{"kind":"place"},]}}`,
		`{}`,
		``,
	} {
		checkDecode(t, []byte(rec))
	}
}

func mustDay(t *testing.T, s string) corpus.Date {
	t.Helper()
	d, err := corpus.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDecodeRecordStore checks the fast decoder on every record of the
// paragraph store under NEWSDESK_DECODE_STORE (a paragraphs.jsonl, such
// as a benchmark's), when set.
func TestDecodeRecordStore(t *testing.T) {
	path := os.Getenv("NEWSDESK_DECODE_STORE")
	if path == "" {
		t.Skip("NEWSDESK_DECODE_STORE not set")
	}
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n, fast := 0, 0
	for sc.Scan() {
		n++
		if checkDecode(t, append(sc.Bytes(), '\n')) {
			fast++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records, %d decoded without encoding/json", n, fast)
}

// FuzzDecodeRecord checks that whatever decodeRecord reads, it reads as
// json.Unmarshal does.
func FuzzDecodeRecord(f *testing.F) {
	f.Add([]byte(`{"a":{"id":"x","title":"T","published":"2025-03-10","paragraphs":2},"p":{"number":1,"text":"t","mentions":[{"text":"A","name":"A","kind":"person"}],"figures":[{"count":3,"reported":"2025-03-09"}]}}`))
	f.Add([]byte(`{"a":{"id":"x\u0026"},"p":{"number":1,"quotes":[{"text":"\"q\""}],"attribution":["a"]}}`))
	f.Fuzz(func(t *testing.T, rec []byte) { checkDecode(t, rec) })
}

// BenchmarkDecodeRecord decodes the paragraph records of a 2,000
// paragraph synthetic index, analysed as a build analyses them, with
// decodeRecord and with json.Unmarshal; one op is one record.
func BenchmarkDecodeRecord(b *testing.B) {
	dir := b.TempDir()
	if _, err := BuildFrom(context.Background(), BuildOptions{IndexDir: dir, Log: discard()}, load.Result{Articles: synth.Articles(1, 2000)}); err != nil {
		b.Fatal(err)
	}
	gens, err := filepath.Glob(filepath.Join(dir, "gen-*", storeFile))
	if err != nil || len(gens) != 1 {
		b.Fatalf("store file: %v %v", gens, err)
	}
	data, err := os.ReadFile(gens[0])
	if err != nil {
		b.Fatal(err)
	}
	recs := bytes.SplitAfter(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	b.Run("fast", func(b *testing.B) {
		i := 0
		for b.Loop() {
			var sp storedParagraph
			if !decodeRecord(recs[i%len(recs)], &sp) {
				b.Fatal("record left to encoding/json")
			}
			i++
		}
	})
	b.Run("json", func(b *testing.B) {
		i := 0
		for b.Loop() {
			var sp storedParagraph
			if err := json.Unmarshal(recs[i%len(recs)], &sp); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
