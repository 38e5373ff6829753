// Package text is the language layer extraction and question reading share:
// one tokenizer (Tokenize, Token), one sentence splitter with one list of
// abbreviations (Sentences, SentenceStarts), whole-word search (HasWord),
// the word-rune predicate (WordRune) and the word lists (lexicon files),
// each written once.
package text
