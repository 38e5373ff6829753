package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// cli runs newsdesk commands the way main does, with output captured and
// the environment taken from a map instead of the process.
type cli struct {
	env    map[string]string
	dotenv string // path of a .env file; "" for none
}

// run executes args and returns what was written and the exit code.
func (c cli) run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{IO: &IO{
		Out:    &out,
		ErrOut: &errOut,
		Env: Env{
			Lookup: func(key string) (string, bool) {
				v, ok := c.env[key]
				return v, ok
			},
			DotEnv: c.dotenv,
		},
	}}
	code = m.Execute(context.Background(), args)
	return out.String(), errOut.String(), code
}

// testCorpus writes a small corpus of articles written for these tests,
// plus files that must be skipped, and returns its directory.
func testCorpus(t *testing.T, withBadFiles bool) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"harbour.md": `---
title: Storm surge floods harbour district
source: Coastal Herald
url: https://coastalherald.example/2023/storm-surge
published: 2023-10-02
---

A storm surge pushed seawater two metres deep into the old harbour district of Port Maren on Saturday night, forcing hundreds of families onto rooftops.

At least 14 people were killed and 60 injured, according to the Port Maren Civil Defence Agency, which said rescuers were still searching flooded basements.

Ilse Varnholt, the director of the civil defence agency, said the sea wall had been due for repair since last spring. “We knew this wall would not hold,” she told reporters.

The city council promised on Monday to open an inquiry into the collapse of the sea wall.
`,
		"transport/bridge.txt": `Kessel river bridge reopens after long repair

The Kessel river bridge reopened to traffic on Tuesday after a repair programme that ran eight months over schedule.

Engineers from the regional roads office said the new deck could carry twice the load of the old one.
`,
	}
	if withBadFiles {
		files["empty.md"] = ""
		files["notes.xyz"] = "an unknown kind of file\n"
		files["binary.txt"] = "\x00\x01\x02\x03\x00\xff\xfe binary \x00 junk"
		files["broken.md"] = "---\ntitle: never closed\npublished: 2023-01-01\n\nBody text of a broken article.\n"
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUsageErrorsExitTwo(t *testing.T) {
	corpusDir := testCorpus(t, false)
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no command", nil, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"ask without question", []string{"ask", "--corpus", corpusDir}, exitUsage},
		{"ask with only flags", []string{"ask", "--json"}, exitUsage},
		{"ask with only punctuation", []string{"ask", "?!", "--"}, exitUsage},
		{"ask unknown flag", []string{"ask", "--bogus", "who is anyone"}, exitUsage},
		{"ask limit zero", []string{"ask", "--limit", "0", "who is anyone"}, exitUsage},
		{"ask limit too large", []string{"ask", "--limit", "1000", "who is anyone"}, exitUsage},
		{"ask limit not a number", []string{"ask", "--limit", "many", "who is anyone"}, exitUsage},
		{"ask bad timeout", []string{"ask", "--timeout", "-3s", "who is anyone"}, exitUsage},
		{"index with argument", []string{"index", "somewhere"}, exitUsage},
		{"index unknown flag", []string{"index", "--fast"}, exitUsage},
		{"serve with argument", []string{"serve", "now"}, exitUsage},
		{"help", []string{"help"}, exitOK},
		{"ask help", []string{"ask", "-h"}, exitOK},
		{"help for a command", []string{"help", "index"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := cli{}.run(t, tt.args...)
			if code != tt.want {
				t.Fatalf("exit code = %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
			if code == exitUsage {
				last := lastLine(stderr)
				if !strings.HasPrefix(last, "newsdesk: ") {
					t.Errorf("last line of stderr = %q, want a one-line newsdesk: message", last)
				}
			}
		})
	}
}

func TestFailureIsOneLineWithAdvice(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-corpus")
	_, stderr, code := cli{}.run(t, "ask", "--corpus", missing, "--index", t.TempDir(), "who is anyone")
	if code != exitFailure {
		t.Fatalf("exit code = %d, want %d; stderr:\n%s", code, exitFailure, stderr)
	}
	last := lastLine(stderr)
	if !strings.Contains(last, missing) || !strings.Contains(last, "--corpus") {
		t.Errorf("message %q should name the directory and say to pass --corpus", last)
	}
}

func TestParseArgsInterspersed(t *testing.T) {
	tests := []struct {
		args     []string
		wantPos  []string
		wantJSON bool
	}{
		{[]string{"who", "is", "X"}, []string{"who", "is", "X"}, false},
		{[]string{"--json", "who", "is", "X"}, []string{"who", "is", "X"}, true},
		{[]string{"who", "is", "X", "--json"}, []string{"who", "is", "X"}, true},
		{[]string{"who", "--json", "is"}, []string{"who", "is"}, true},
		{[]string{"--", "--json", "is", "a", "word"}, []string{"--json", "is", "a", "word"}, false},
		{[]string{"a", "--", "-b"}, []string{"a", "-b"}, false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := newFlagSet("test", "test", &bytes.Buffer{})
			asJSON := fs.Bool("json", false, "")
			pos, err := parseArgs(fs, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(pos, "|") != strings.Join(tt.wantPos, "|") || *asJSON != tt.wantJSON {
				t.Errorf("got %q json=%v, want %q json=%v", pos, *asJSON, tt.wantPos, tt.wantJSON)
			}
		})
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestFlagErrorPrintedOnce checks that a bad flag gives one line, the
// message Main prints, and not also the flag package's own and the usage.
func TestFlagErrorPrintedOnce(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ask", "--bogus", "who is anyone"}, "newsdesk: flag provided but not defined: -bogus (see `newsdesk ask -h`)\n"},
		{[]string{"ask", "--limit", "many", "who is anyone"}, "newsdesk: invalid value \"many\" for flag -limit: parse error (see `newsdesk ask -h`)\n"},
		{[]string{"index", "--full=maybe"}, "newsdesk: invalid boolean value \"maybe\" for -full: parse error (see `newsdesk index -h`)\n"},
		{[]string{"bench", "--sizes", "ten"}, "newsdesk: invalid value \"ten\" for flag -sizes: size \"ten\": want a whole number of paragraphs from 1 to 100000000, such as 10000 or 10k (see `newsdesk bench -h`)\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := cli{}.run(t, tt.args...)
			if code != exitUsage || stderr != tt.want || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d and only:\n%s", code, stdout, stderr, exitUsage, tt.want)
			}
		})
	}
}

// TestUsageLineListsEveryFlag checks that each command's usage line, shown
// by -h, names every flag the command takes (bench's internal ones aside).
func TestUsageLineListsEveryFlag(t *testing.T) {
	for _, cmd := range []string{"ask", "index", "serve", "eval", "train", "bench"} {
		t.Run(cmd, func(t *testing.T) {
			_, stderr, code := cli{}.run(t, cmd, "-h")
			if code != exitOK {
				t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
			}
			lines := strings.Split(stderr, "\n")
			usage, ok := strings.CutPrefix(lines[0], "Usage: newsdesk "+cmd)
			if !ok {
				t.Fatalf("first line %q, want the usage line", lines[0])
			}
			flags := 0
			for i, line := range lines {
				name, ok := strings.CutPrefix(line, "  -")
				if !ok {
					continue
				}
				name, _, _ = strings.Cut(name, " ")
				if i+1 < len(lines) && strings.Contains(lines[i+1], "internal:") {
					continue
				}
				flags++
				if !strings.Contains(usage, "[--"+name+"]") && !strings.Contains(usage, "[--"+name+" ") {
					t.Errorf("usage line %q lacks --%s", lines[0], name)
				}
			}
			if flags == 0 {
				t.Errorf("no flags listed:\n%s", stderr)
			}
		})
	}
}

// TestVersion checks that --version prints one line naming the build: the
// module version, the VCS revision when Go recorded one, the Go version.
func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "-version", "version"} {
		stdout, stderr, code := cli{}.run(t, arg)
		if code != exitOK || !strings.HasPrefix(stdout, "newsdesk ") || !strings.HasSuffix(stdout, " "+runtime.Version()+"\n") || stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want one line naming newsdesk's and Go's versions", arg, code, stdout, stderr)
		}
	}
	settings := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"go install of a tag", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}}, "newsdesk v1.2.3 go1.26.8"},
		{"go run, no VCS", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "newsdesk (devel) go1.26.8"},
		{"go build in a clone with changes", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261203080650-d29785837627+dirty"},
			Settings: settings("vcs", "git", "vcs.revision", "d2978583762712d1ea052d2fdb9ee10a95fff3cd", "vcs.time", "2026-12-03T08:06:50Z", "vcs.modified", "true")},
			"newsdesk v0.0.0-20261203080650-d29785837627+dirty (revision d29785837627 of 2026-12-03T08:06:50Z with local changes) go1.26.8"},
		{"clean tree", &debug.BuildInfo{GoVersion: "go1.26.8", Settings: settings("vcs.revision", "abc123", "vcs.modified", "false")},
			"newsdesk (devel) (revision abc123) go1.26.8"},
	}
	for _, tt := range tests {
		if got := versionOf(tt.bi, true); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
