package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// envOf is an Env reading the variables of m and no .env file.
func envOf(m map[string]string) Env {
	return Env{Lookup: func(k string) (string, bool) { v, ok := m[k]; return v, ok }}
}

func TestIOTerminal(t *testing.T) {
	tests := []struct {
		name      string
		io        IO
		wantWidth int
		wantColor bool
	}{
		{"not a terminal", IO{Width: 120}, 80, false},
		{"terminal", IO{StdoutTTY: true, Width: 120}, 120, true},
		{"terminal of unknown width", IO{StdoutTTY: true}, 80, true},
		{"terminal with NO_COLOR", IO{StdoutTTY: true, Width: 100, Env: envOf(map[string]string{"NO_COLOR": "1"})}, 100, false},
		{"terminal with NO_COLOR empty", IO{StdoutTTY: true, Env: envOf(map[string]string{"NO_COLOR": ""})}, 80, false},
		{"terminal with other variables", IO{StdoutTTY: true, Env: envOf(map[string]string{"TERM": "xterm"})}, 80, true},
		{"NO_COLOR without a terminal", IO{Env: envOf(map[string]string{"NO_COLOR": "1"})}, 80, false},
		{"stderr a terminal, stdout not", IO{StderrTTY: true, Width: 120}, 80, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.io.TerminalWidth(); got != tt.wantWidth {
				t.Errorf("TerminalWidth() = %d, want %d", got, tt.wantWidth)
			}
			if got := tt.io.ColorEnabled(); got != tt.wantColor {
				t.Errorf("ColorEnabled() = %v, want %v", got, tt.wantColor)
			}
		})
	}
}

func TestNewIODetectsNoTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for name, w := range map[string]io.Writer{"buffer": &bytes.Buffer{}, "file": f} {
		s := NewIO(w, w, Env{})
		if s.StdoutTTY || s.StderrTTY || s.Width != 0 {
			t.Errorf("NewIO on a %s = %+v, want no terminal", name, s)
		}
	}
}

func TestProgress(t *testing.T) {
	tests := []struct {
		name string
		tty  bool
		want []string
		not  []string
	}{
		{"plain lines", false, []string{"indexing: 0/4 articles (0%)\n", "indexing: 4/4 articles (100%)\n"}, []string{"\r"}},
		{"bar on a terminal", true, []string{"indexing", "(0/4)", "|"}, []string{"articles ("}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			s := &IO{Out: &out, ErrOut: &errOut, StderrTTY: tt.tty}
			p := s.Progress("indexing")
			for i := 0; i <= 4; i++ {
				p.Update(i, 4)
			}
			p.Finish()
			got := errOut.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("progress lacks %q:\n%q", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("progress has %q:\n%q", n, got)
				}
			}
			if out.Len() != 0 {
				t.Errorf("progress wrote to stdout: %q", out.String())
			}
		})
	}
}

func TestWriteDataJSONOrText(t *testing.T) {
	type report struct {
		Count int `json:"count"`
	}
	v := report{Count: 3}
	text := func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "%d things\n", v.Count)
		return err
	}
	tests := []struct {
		asJSON bool
		want   string
	}{
		{false, "3 things\n"},
		{true, "{\n  \"count\": 3\n}\n"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		s := &IO{Out: &out, ErrOut: &errOut}
		if err := s.WriteData(tt.asJSON, v, text); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want || errOut.Len() != 0 {
			t.Errorf("json=%v: stdout %q, stderr %q; want stdout %q and nothing on stderr", tt.asJSON, out.String(), errOut.String(), tt.want)
		}
	}
}

// TestAskOnFakeTerminal runs ask on an IO faking a terminal: the text is
// laid out at the terminal's width and emphasised with escapes unless
// NO_COLOR is set; the build shows a bar instead of plain lines.
func TestAskOnFakeTerminal(t *testing.T) {
	corpusDir, indexDir := testCorpus(t, false), filepath.Join(t.TempDir(), "index")
	tests := []struct {
		name    string
		env     map[string]string
		wantEsc bool
	}{
		{"colour", map[string]string{}, true},
		{"NO_COLOR", map[string]string{"NO_COLOR": "1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			s := &IO{Out: &out, ErrOut: &errOut, Env: envOf(tt.env), StdoutTTY: true, StderrTTY: true, Width: 50}
			code := (&Main{IO: s}).Execute(context.Background(), []string{"ask", "--corpus", corpusDir, "--index", indexDir, "who is Ilse Varnholt"})
			if code != exitOK {
				t.Fatalf("exit code %d; stderr:\n%s", code, errOut.String())
			}
			stdout := out.String()
			if got := strings.Contains(stdout, ansiBold+"Ilse"); got != tt.wantEsc {
				t.Errorf("escapes in the answer: %v, want %v:\n%s", got, tt.wantEsc, stdout)
			}
			if !tt.wantEsc && !strings.Contains(stdout, "*Ilse Varnholt*") {
				t.Errorf("without colour the name should be marked *like this*:\n%s", stdout)
			}
			visible := regexp.MustCompile("\x1b\\[[0-9]+m").ReplaceAllString(stdout, "")
			for _, line := range strings.Split(visible, "\n") {
				if n := len([]rune(line)); n > 50 && !strings.Contains(line, "://") {
					t.Errorf("line of %d characters is not wrapped at the terminal's 50: %q", n, line)
				}
			}
		})
	}
}

// TestBuildProgressOnFakeTerminal checks that index draws a bar on a
// terminal's stderr, not plain lines, and keeps stdout for the summary.
func TestBuildProgressOnFakeTerminal(t *testing.T) {
	var out, errOut bytes.Buffer
	s := &IO{Out: &out, ErrOut: &errOut, Env: envOf(nil), StderrTTY: true}
	code := (&Main{IO: s}).Execute(context.Background(), []string{"index", "--corpus", testCorpus(t, false), "--index", filepath.Join(t.TempDir(), "index")})
	if code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, errOut.String())
	}
	if strings.Contains(errOut.String(), "indexing: ") || !strings.Contains(errOut.String(), "\r") {
		t.Errorf("want a bar, not plain lines, on a terminal's stderr:\n%q", errOut.String())
	}
	if !strings.HasPrefix(out.String(), "Indexed 2 articles") {
		t.Errorf("stdout = %q, want the summary", out.String())
	}
}

// screen is what a terminal shows after text is written to it: a carriage
// return goes back to the start of the line, which later text overwrites.
func screen(text string) []string {
	var lines []string
	var line []rune
	col := 0
	for _, r := range text {
		switch r {
		case '\r':
			col = 0
		case '\n':
			lines = append(lines, strings.TrimRight(string(line), " "))
			line, col = nil, 0
		default:
			if col < len(line) {
				line[col] = r
			} else {
				line = append(line, r)
			}
			col++
		}
	}
	return append(lines, strings.TrimRight(string(line), " "))
}

// TestProgressLoggerClearsBar checks that a log line written during a
// build on a terminal takes a line of its own instead of being glued onto
// the bar.
func TestProgressLoggerClearsBar(t *testing.T) {
	var errOut bytes.Buffer
	s := &IO{ErrOut: &errOut, StderrTTY: true}
	p := s.Progress("indexing")
	log := p.Logger(s.Logger(slog.LevelInfo))
	p.Update(0, 4)
	p.Update(1, 4)
	log.Warn("something happened", "file", "a.txt")
	p.Update(4, 4)
	p.Finish()
	var logLine string
	for _, line := range screen(errOut.String()) {
		if strings.Contains(line, "level=WARN") {
			logLine = line
		}
	}
	if !strings.HasPrefix(logLine, "time=") || strings.Contains(logLine, "indexing") {
		t.Errorf("log line on the screen: %q, want it alone on its line; written:\n%q", logLine, errOut.String())
	}
}

// TestCLILogLevelDefaults checks that ask, index, eval and train show
// warnings but not info logs unless asked to, while serve keeps info.
func TestCLILogLevelDefaults(t *testing.T) {
	tests := []struct {
		name  string
		which flagTarget
		env   map[string]string
		flags []string
		want  slog.Level
	}{
		{"ask, index, eval, train", flagLogLevel | flagQuietLog, nil, nil, slog.LevelWarn},
		{"serve", flagLogLevel, nil, nil, slog.LevelInfo},
		{"flag", flagLogLevel | flagQuietLog, nil, []string{"--log-level", "debug"}, slog.LevelDebug},
		{"environment", flagLogLevel | flagQuietLog, map[string]string{envLogLevel: "info"}, nil, slog.LevelInfo},
		{"empty environment value", flagLogLevel | flagQuietLog, map[string]string{envLogLevel: ""}, nil, slog.LevelWarn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, cfg, err := newCommand(&IO{ErrOut: io.Discard, Env: envOf(tt.env)}, "test", "test", tt.which)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := parseArgs(fs, tt.flags); err != nil {
				t.Fatal(err)
			}
			if cfg.LogLevel != tt.want {
				t.Errorf("log level %v, want %v", cfg.LogLevel, tt.want)
			}
		})
	}

	// On a terminal, the first ask shows the bar and a one-line summary,
	// no log line; --log-level info brings "index built" back, on its own line.
	corpusDir := testCorpus(t, false)
	for _, level := range []string{"", "info"} {
		var out, errOut bytes.Buffer
		s := &IO{Out: &out, ErrOut: &errOut, Env: envOf(nil), StdoutTTY: true, StderrTTY: true, Width: 80}
		args := []string{"ask", "--corpus", corpusDir, "--index", filepath.Join(t.TempDir(), "index"), "who is Ilse Varnholt"}
		if level != "" {
			args = append(args, "--log-level", level)
		}
		if code := (&Main{IO: s}).Execute(context.Background(), args); code != exitOK {
			t.Fatalf("exit code %d; stderr:\n%s", code, errOut.String())
		}
		shown := screen(errOut.String())
		logged := slices.ContainsFunc(shown, func(l string) bool { return strings.HasPrefix(l, "time=") && strings.Contains(l, `msg="index built"`) })
		if logged != (level == "info") || slices.ContainsFunc(shown, func(l string) bool { return strings.Contains(l, "level=") && !strings.HasPrefix(l, "time=") }) {
			t.Errorf("--log-level %q: stderr shows\n%s", level, strings.Join(shown, "\n"))
		}
		if !slices.ContainsFunc(shown, func(l string) bool { return strings.HasPrefix(l, "Indexed 2 articles") }) {
			t.Errorf("--log-level %q: no summary line:\n%s", level, strings.Join(shown, "\n"))
		}
	}
}
