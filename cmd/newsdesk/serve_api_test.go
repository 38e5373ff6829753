package main

import (
	"net"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeUnreachableAPINamesIt checks that when NEWSDESK_DISCORD_API
// points at an API that cannot be reached, the error names that API, not
// discord.com, which the bot never tried.
func TestServeUnreachableAPINamesIt(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	api := "http://" + l.Addr().String() + "/api"
	l.Close() // nothing listens there any more
	env := map[string]string{
		"DISCORD_TOKEN":        "MTEwMDAw.unreachable-test-token.Zq9",
		"NEWSDESK_DISCORD_API": api,
		"NEWSDESK_CORPUS":      testCorpus(t, false),
		"NEWSDESK_INDEX":       filepath.Join(t.TempDir(), "index"),
	}
	_, stderr, code := cli{env: env}.run(t, "serve")
	msg := lastLine(stderr)
	if code != exitFailure || !strings.Contains(msg, api+"/v") || strings.Contains(msg, "discord.com") {
		t.Errorf("exit %d, message %q; want exit %d naming %s and not discord.com", code, msg, exitFailure, api)
	}
}
