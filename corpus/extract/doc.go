// Package extract reads an article's language: who is named (mentions.go,
// mention_registry.go), who makes its claims (attribution.go), what is
// quoted (quotes.go), which bare descriptions stand for named speakers
// (speakers.go), which dates are meant (dates.go), and which casualty
// figures are reported (figure_*.go: words, counts, sentence reading,
// places, sources; figures.go reads the article). Analyze runs the
// stages in order; it uses corpus/text for tokens, sentences and word
// lists and corpus/names to compare names.
package extract
