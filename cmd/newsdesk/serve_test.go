package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/bot/discordtest"
)

func TestServeRunsBotUntilInterrupted(t *testing.T) {
	const (
		token = "MTEwMDAw.serve-test-token.Zq9_x-secret"
		guild = "1300000000000000042"
	)
	fake := discordtest.New(t, token)
	dotenv := writeFile(t, filepath.Join(t.TempDir(), ".env"), "DISCORD_TOKEN="+token+"\nDISCORD_GUILD_ID="+guild+"\n")
	env := map[string]string{
		"NEWSDESK_DISCORD_API": fake.APIBase,
		"NEWSDESK_LOG_LEVEL":   "debug",
		"NEWSDESK_CORPUS":      testCorpus(t, false),
		"NEWSDESK_INDEX":       filepath.Join(t.TempDir(), "index"),
	}
	var stdout, stderr bytes.Buffer
	m := &Main{IO: &IO{Out: &stdout, ErrOut: &stderr, Env: Env{
		Lookup: func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		DotEnv: dotenv,
	}}}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	wait, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	go func() {
		done <- m.Execute(ctx, []string{"serve"})
		stop() // serve ended early: stop waiting for the registration
	}()

	req, err := fake.WaitRequest(wait, func(r discordtest.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/guilds/"+guild+"/commands")
	})
	if err != nil {
		cancel()
		code := <-done
		t.Fatalf("the bot did not register its commands in the guild: %v (exit code %d)\nstderr:\n%s", err, code, stderr.String())
	}
	if req.Authorization != "Bot "+token {
		t.Errorf("authorization %q, want the token from .env", req.Authorization)
	}

	cancel() // as SIGINT would
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit code %d after an interrupt, want 0; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(40 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	if out := stdout.String() + stderr.String(); strings.Contains(out, token) || strings.Contains(out, "serve-test-token") {
		t.Errorf("the token was printed:\n%s", out)
	}
}
