package bleveindex

import "testing"

// TestStemIsTheAnalyzers checks that Stem and Stemmer.Words give ordinary
// words the terms the text analyzer indexes.
func TestStemIsTheAnalyzers(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	st := &Stemmer{text: m.AnalyzerNamed(textAnalyzer)}
	// Texts without stop words: Words keeps them, Terms drops them.
	for _, text := range []string{"Fighting erupted", "Ḥasan flooded villages", "rescuers searching overnight",
		"U.S. envoy's 1,500 troops", "Łódź Straße Ørsted café", "Al-Shara’s forces", "한국 troops"} {
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
