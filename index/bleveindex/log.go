package bleveindex

import (
	"log"
	"log/slog"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// LogTo sends Bleve's log lines to l as debug records of component
// "bleve". Scorch writes them with the log package's default logger (a
// snapshot or segment it cannot load, "continuing"), the rest of Bleve
// with loggers of its own, which discard by default. The engine reports
// what such a line means in its own words (a damaged index), so the lines
// themselves are only for --log-level debug.
//
// The default logger of package log is process-wide: call LogTo once,
// from main, before any index is opened.
func LogTo(l *slog.Logger) {
	w := logWriter{l: l.With("component", "bleve")}
	log.SetFlags(0)
	log.SetPrefix("")
	log.SetOutput(w)
	bleve.SetLog(log.New(w, "", 0))
	mapping.SetLog(log.New(w, "", 0))
	query.SetLog(log.New(w, "", 0))
}

// logWriter turns each line a log.Logger writes into a debug record.
type logWriter struct{ l *slog.Logger }

func (w logWriter) Write(p []byte) (int, error) {
	if msg := strings.TrimSpace(string(p)); msg != "" {
		w.l.Debug(msg)
	}
	return len(p), nil
}
