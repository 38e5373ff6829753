package corpus

// AnalyzerVersion changes whenever loading or extraction changes what it
// produces (paragraphs, names, attributions, figures), or the index stores
// it differently, so that indexes built by an older version are analysed
// and built again in full.
const AnalyzerVersion = "24"

// Analyze fills in each paragraph's mentions, attribution, quotes and
// figures. It reads the whole article, so that short references ("the
// observatory", "Mr. al-Shara") resolve to names introduced earlier and
// relative dates ("on Sunday") resolve against the publication date.
func Analyze(a *Article) {
	extractMentions(a)
	extractAttribution(a)
	extractFigures(a)
	resolveGenericSpeakers(a)
}
