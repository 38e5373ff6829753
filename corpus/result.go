package corpus

import "time"

// Result answers one question. The CLI prints it and marshals it as JSON;
// the Discord bot renders it as embeds.
type Result struct {
	Query string `json:"query"`
	// Intent is how the question was understood: who, figure, said or search.
	Intent Intent `json:"intent"`
	// Subject is the person, organisation or topic asked about, if any.
	Subject string `json:"subject,omitempty"`
	// Answers are the best passages, best first; [] when nothing matches well.
	Answers []Answer `json:"answers"`
	// Notes are remarks about the answers as a whole, e.g. that sources disagree.
	Notes []string `json:"notes,omitempty"`
	// More reports whether further answers exist beyond this page.
	More bool `json:"more"`
}

// Answer is one passage quoted from an article.
type Answer struct {
	Text      string     `json:"text"`
	Score     float64    `json:"score"`
	Paragraph int        `json:"paragraph"`
	Article   ArticleRef `json:"article"`
	// Attribution names who makes the passage's claims, resolved to full names.
	Attribution []string `json:"attribution"`
	// Context holds neighbouring paragraphs shown with the passage, in order.
	Context []string `json:"context"`
	// Figures are the counts the passage reports.
	Figures []Figure `json:"figures"`
	// Quotes are the quotations in the passage with their speakers.
	Quotes []Quote `json:"quotes,omitempty"`
	// Highlights are the words of Text that matched the question, for emphasis.
	Highlights []string `json:"highlights,omitempty"`
}

// ArticleRef identifies the article a passage comes from.
type ArticleRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Published Date   `json:"published"`
	Path      string `json:"path"`
	// Paragraphs is the number of paragraphs in the article.
	Paragraphs int `json:"paragraphs"`
}

// Person is someone named in the corpus, for autocomplete and "who"
// questions: the name most used, the other spellings, and how often the
// articles mention them.
type Person struct {
	Name      string   `json:"name"`
	Spellings []string `json:"spellings,omitempty"`
	Mentions  int      `json:"mentions"`
}

// Stats describes what an index holds.
type Stats struct {
	Articles   int           `json:"articles"`
	Paragraphs int           `json:"paragraphs"`
	Sources    []SourceCount `json:"sources"`
	From       Date          `json:"from"`
	To         Date          `json:"to"`
	BuiltAt    time.Time     `json:"built_at"`
	Skipped    []Skipped     `json:"skipped,omitempty"`
}

// SourceCount is how many articles one outlet has in the index.
type SourceCount struct {
	Source   string `json:"source"`
	Articles int    `json:"articles"`
}

// Skipped is a file that could not be read as an article, and why.
// For a bad record of a .jsonl or .json file that loads otherwise, Path is
// the file and Reason starts with "line N:" or "record N:".
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Notes an answer without passages carries, when nothing more specific
// applies; the engine's notes say why, and the CLI and the bot print them.
const (
	NoteNoPassage     = "I found no passage that answers that."
	NoteNoMorePassage = "There are no more passages."
)
