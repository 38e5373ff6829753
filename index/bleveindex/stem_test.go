package bleveindex

import "testing"

// TestFoldAccentsLikeTheIndex checks that ranking folds letters as the
// index does, so a passage's words match the index's terms.
func TestFoldAccentsLikeTheIndex(t *testing.T) {
	tests := map[string]string{
		"Ḥasan":      "Hasan",
		"Łódź":       "Lodz",
		"Straße":     "Strasse",
		"Ørsted":     "Orsted",
		"café déjà":  "cafe deja",
		"한국":         "한국", // Hangul stays whole, as the index keeps it
		"plain text": "plain text",
	}
	for in, want := range tests {
		if got := foldAccents(in); got != want {
			t.Errorf("foldAccents(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStemIsTheAnalyzers checks that Stem and Stemmer.Words give ordinary
// words the terms the text analyzer indexes.
func TestStemIsTheAnalyzers(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	st := &Stemmer{text: m.AnalyzerNamed(textAnalyzer)}
	for _, text := range []string{"Fighting erupted", "Ḥasan flooded villages", "rescuers searching overnight"} {
		terms, words := st.Terms(text), st.Words(text)
		if len(terms) != len(words) {
			t.Fatalf("%q: terms %q, words %q", text, terms, words)
		}
		for i := range terms {
			if terms[i] != words[i] {
				t.Errorf("%q: term %q, word %q", text, terms[i], words[i])
			}
		}
	}
	if got := Stem("deliveries"); got != "deliveri" {
		t.Errorf("Stem(deliveries) = %q", got)
	}
}
