package extract

import (
	"slices"

	"github.com/newsdesk/newsdesk/corpus"
)

// AnalyzerVersion changes whenever loading or extraction changes what it
// produces (paragraphs, names, attributions, figures), or the index stores
// it differently, so that indexes built by an older version are analysed
// and built again in full.
const AnalyzerVersion = "60"

// Analyze fills in each paragraph's mentions, attribution, quotes and
// figures. It reads the whole article, so that short references ("the
// observatory", "Mr. al-Shara") resolve to names introduced earlier and
// relative dates ("on Sunday") resolve against the publication date.
func Analyze(a *corpus.Article) {
	// One tokenization and one scan serve every stage: the mention
	// extractor resolves a copy of the spans, attribution reads them as
	// written, figures read the same tokens and sentences.
	toks, scanned := articleScan(a)
	spans := make([][]mentionSpan, len(scanned))
	for i := range scanned {
		spans[i] = slices.Clone(scanned[i])
	}
	setMentions(a, resolveSpans(toks, spans))
	if hasMentions(a) {
		attributeScanned(a, toks, scanned)
	} else {
		attributeScanned(a, toks, spans)
	}
	addFiguresTokens(a, toks)
	resolveGenericSpeakers(a)
	resolveIndefiniteSpeakers(a)
	addSpeakerRoles(a)
	addInstitutions(a)
}
