package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/bot/discordtest"
	"github.com/newsdesk/newsdesk/corpus/testlog"
)

const (
	serveToken = "MTEwMDAw.serve-test-token.Zq9_x-secret"
	serveGuild = "1300000000000000042"
)

// served is a `newsdesk serve` running against a fake Discord.
type served struct {
	fake           *discordtest.Server
	stdout, stderr *testlog.Buffer
	cancel         context.CancelFunc
	done           chan int
}

// startServe runs `newsdesk serve` over corpusDir and indexDir with the
// token in .env, and waits until it has registered its commands in the
// guild: connected.
func startServe(t *testing.T, corpusDir, indexDir string) *served {
	t.Helper()
	s := &served{fake: discordtest.New(t, serveToken), stdout: &testlog.Buffer{}, stderr: &testlog.Buffer{}, done: make(chan int, 1)}
	dotenv := writeFile(t, filepath.Join(t.TempDir(), ".env"), "DISCORD_TOKEN="+serveToken+"\nDISCORD_GUILD_ID="+serveGuild+"\n")
	env := map[string]string{
		"NEWSDESK_DISCORD_API": s.fake.APIBase,
		"NEWSDESK_LOG_LEVEL":   "debug",
		"NEWSDESK_CORPUS":      corpusDir,
		"NEWSDESK_INDEX":       indexDir,
	}
	m := &Main{IO: &IO{Out: s.stdout, ErrOut: s.stderr, Env: Env{
		Lookup: func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		DotEnv: dotenv,
	}}}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	t.Cleanup(cancel)
	wait, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	go func() {
		s.done <- m.Execute(ctx, []string{"serve"})
		stop() // serve ended early: stop waiting for the registration
	}()
	req, err := s.fake.WaitRequest(wait, func(r discordtest.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/guilds/"+serveGuild+"/commands")
	})
	if err != nil {
		cancel()
		code := <-s.done
		t.Fatalf("the bot did not register its commands in the guild: %v (exit code %d)\nstderr:\n%s", err, code, s.stderr.String())
	}
	if req.Authorization != "Bot "+serveToken {
		t.Errorf("authorization %q, want the token from .env", req.Authorization)
	}
	return s
}

// stop interrupts serve, as SIGINT would, and checks it exits 0.
func (s *served) stop(t *testing.T) {
	t.Helper()
	s.cancel()
	select {
	case code := <-s.done:
		if code != exitOK {
			t.Errorf("exit code %d after an interrupt, want 0; stderr:\n%s", code, s.stderr.String())
		}
	case <-time.After(40 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	if out := s.stdout.String() + s.stderr.String(); strings.Contains(out, serveToken) || strings.Contains(out, "serve-test-token") {
		t.Errorf("the token was printed:\n%s", out)
	}
}

func TestServeRunsBotUntilInterrupted(t *testing.T) {
	s := startServe(t, testCorpus(t, false), filepath.Join(t.TempDir(), "index"))
	s.stop(t)
}

// TestServeConnectsBeforeReindexing: when the corpus changed since the
// index was built, serve connects first, answering from the index as it
// is, and re-indexes in the background; a missing index is built first.
func TestServeConnectsBeforeReindexing(t *testing.T) {
	corpusDir, indexDir := testCorpus(t, false), filepath.Join(t.TempDir(), "index")
	var out bytes.Buffer
	m := &Main{IO: &IO{Out: &out, ErrOut: &out}}
	if code := m.Execute(context.Background(), []string{"index", "--corpus", corpusDir, "--index", indexDir}); code != exitOK {
		t.Fatalf("index: exit %d\n%s", code, out.String())
	}
	writeFile(t, filepath.Join(corpusDir, "lighthouse.md"), "---\ntitle: Lighthouse keeper honoured\nsource: Northern Ledger\npublished: 2024-05-25\n---\n\nThe lighthouse keeper Oskar Brandvold guided three trawlers to safety.\n")

	s := startServe(t, corpusDir, indexDir)
	if strings.Contains(s.stderr.String(), "Indexed ") {
		t.Errorf("serve built the index before it connected:\n%s", s.stderr.String())
	}
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(s.stderr.String(), "index rebuilt and swapped in") {
		if time.Now().After(deadline) {
			t.Fatalf("no re-index after connecting:\n%s", s.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.stop(t)

	// With no index at all there is nothing to answer from: built first.
	if err := os.RemoveAll(indexDir); err != nil {
		t.Fatal(err)
	}
	s = startServe(t, corpusDir, indexDir)
	if !strings.Contains(s.stderr.String(), "Indexed 3 articles") {
		t.Errorf("a missing index was not built before connecting:\n%s", s.stderr.String())
	}
	s.stop(t)
}
