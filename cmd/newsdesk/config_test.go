package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
	"github.com/newsdesk/newsdesk/corpus/load"
)

func TestConfigLayering(t *testing.T) {
	tests := []struct {
		name   string
		dotenv string            // contents of .env; "" for no file
		env    map[string]string // the process environment
		flags  []string
		want   func(Config) Config // applied to DefaultConfig()
	}{
		{
			name: "defaults",
			want: func(c Config) Config { return c },
		},
		{
			name:   ".env over defaults",
			dotenv: "NEWSDESK_CORPUS=from-dotenv/corpus\nNEWSDESK_INDEX=from-dotenv/index\nNEWSDESK_LOG_LEVEL=debug\n",
			want: func(c Config) Config {
				c.CorpusDir, c.IndexDir, c.LogLevel = "from-dotenv/corpus", "from-dotenv/index", slog.LevelDebug
				return c
			},
		},
		{
			name:   "environment over .env",
			dotenv: "NEWSDESK_CORPUS=from-dotenv/corpus\nNEWSDESK_INDEX=from-dotenv/index\n",
			env:    map[string]string{"NEWSDESK_CORPUS": "from-env/corpus"},
			want: func(c Config) Config {
				c.CorpusDir, c.IndexDir = "from-env/corpus", "from-dotenv/index"
				return c
			},
		},
		{
			name:   "flags over environment and .env",
			dotenv: "NEWSDESK_CORPUS=from-dotenv/corpus\nNEWSDESK_INDEX=from-dotenv/index\nNEWSDESK_ASK_TIMEOUT=3s\n",
			env:    map[string]string{"NEWSDESK_CORPUS": "from-env/corpus", "NEWSDESK_LOG_LEVEL": "warn"},
			flags:  []string{"--corpus", "from-flag/corpus", "--log-level", "error", "--timeout", "750ms"},
			want: func(c Config) Config {
				c.CorpusDir, c.IndexDir, c.LogLevel, c.AskTimeout = "from-flag/corpus", "from-dotenv/index", slog.LevelError, 750*time.Millisecond
				return c
			},
		},
		{
			name:   "empty environment value keeps the default directory",
			dotenv: "NEWSDESK_CORPUS=\n",
			env:    map[string]string{"NEWSDESK_INDEX": "  "},
			want:   func(c Config) Config { return c },
		},
		{
			name: "every variable",
			dotenv: strings.Join([]string{
				"# a comment",
				"DISCORD_TOKEN=dotenv-token",
				"DISCORD_GUILD_ID=123456789012345678",
				"NEWSDESK_DISCORD_API=http://127.0.0.1:8080/api",
				"NEWSDESK_ADMIN_USERS=111, 222,,333 ",
				`NEWSDESK_ADMIN_ROLES="444,555"`,
				"NEWSDESK_ADMIN_GUILDS=666",
				"NEWSDESK_RATE_PER_MINUTE=20",
				"NEWSDESK_RATE_BURST=5",
				"NEWSDESK_ADMIN_RATE_PER_MINUTE=90",
				"NEWSDESK_ADMIN_RATE_BURST=12",
				"NEWSDESK_MAX_SEARCHES=4",
				"NEWSDESK_QUEUE_SIZE=100",
				"NEWSDESK_MAX_UPLOAD=3MiB",
				"NEWSDESK_ASK_TIMEOUT=2",
			}, "\n"),
			env: map[string]string{"DISCORD_TOKEN": "env-token", "NEWSDESK_MAX_UPLOAD": "1048576"},
			want: func(c Config) Config {
				c.DiscordToken = "env-token"
				c.DiscordGuildID = "123456789012345678"
				c.DiscordAPI = "http://127.0.0.1:8080/api"
				c.AdminUsers = []string{"111", "222", "333"}
				c.AdminRoles = []string{"444", "555"}
				c.AdminGuilds = []string{"666"}
				c.RatePerMinute, c.RateBurst = 20, 5
				c.AdminRatePerMinute, c.AdminRateBurst = 90, 12
				c.MaxSearches, c.QueueSize = 4, 100
				c.MaxUpload = 1 << 20
				c.AskTimeout = 2 * time.Second
				return c
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := Env{Lookup: func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }}
			if tt.dotenv != "" {
				env.DotEnv = filepath.Join(t.TempDir(), ".env")
				if err := os.WriteFile(env.DotEnv, []byte(tt.dotenv), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			fs, got, err := newCommand(&IO{ErrOut: &bytes.Buffer{}, Env: env}, "test", "test", flagCorpus|flagIndex|flagLogLevel|flagAskTimeout)
			if err != nil {
				t.Fatalf("newCommand: %v", err)
			}
			if _, err := parseArgs(fs, tt.flags); err != nil {
				t.Fatalf("parse flags: %v", err)
			}
			want := tt.want(DefaultConfig())
			if !configEqual(*got, want) {
				t.Errorf("config =\n%+v\nwant\n%+v", *got, want)
			}
		})
	}
}

func configEqual(a, b Config) bool {
	return a.CorpusDir == b.CorpusDir && a.IndexDir == b.IndexDir && a.LogLevel == b.LogLevel &&
		a.DiscordToken == b.DiscordToken && a.DiscordGuildID == b.DiscordGuildID && a.DiscordAPI == b.DiscordAPI &&
		slices.Equal(a.AdminUsers, b.AdminUsers) && slices.Equal(a.AdminRoles, b.AdminRoles) && slices.Equal(a.AdminGuilds, b.AdminGuilds) &&
		a.RatePerMinute == b.RatePerMinute && a.RateBurst == b.RateBurst &&
		a.AdminRatePerMinute == b.AdminRatePerMinute && a.AdminRateBurst == b.AdminRateBurst &&
		a.MaxSearches == b.MaxSearches && a.QueueSize == b.QueueSize &&
		a.MaxUpload == b.MaxUpload && a.AskTimeout == b.AskTimeout
}

func TestConfigDotEnvDoesNotChangeProcessEnvironment(t *testing.T) {
	const key = "NEWSDESK_TEST_ONLY_VARIABLE"
	path := filepath.Join(t.TempDir(), ".env")
	if err := os.WriteFile(path, []byte(key+"=x\nNEWSDESK_CORPUS=elsewhere\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(Env{Lookup: func(string) (string, bool) { return "", false }, DotEnv: path})
	if err != nil {
		t.Fatal(err)
	}
	if c.CorpusDir != "elsewhere" {
		t.Errorf("CorpusDir = %q, want the .env value", c.CorpusDir)
	}
	if _, ok := os.LookupEnv(key); ok {
		t.Errorf("reading .env set %s in the process environment", key)
	}
}

func TestConfigInvalidValues(t *testing.T) {
	tests := []struct{ key, value string }{
		{envRatePerMinute, "fast"},
		{envRatePerMinute, "0"},
		{envRateBurst, "-1"},
		{envMaxUpload, "2 parsecs"},
		{envMaxUpload, "0"},
		{envMaxUpload, "10485761"},
		{envMaxUpload, "11MiB"},
		{envMaxUpload, "1GB"},
		{envAskTimeout, "soon"},
		{envAskTimeout, "-5s"},
		{envLogLevel, "loud"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			_, err := LoadConfig(Env{Lookup: func(k string) (string, bool) {
				if k == tt.key {
					return tt.value, true
				}
				return "", false
			}})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.key) {
				t.Errorf("error %q does not name %s", err, tt.key)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"2097152", 2 << 20, true},
		{"2MiB", 2 << 20, true},
		{"2 MiB", 2 << 20, true},
		{"2mib", 2 << 20, true},
		{"2MB", 2_000_000, true},
		{"512k", 512 << 10, true},
		{"1.5KiB", 1536, true},
		{"1G", 1 << 30, true},
		{"10B", 10, true},
		{"", 0, false},
		{"MiB", 0, false},
		{"2 parsecs", 0, false},
		{"1.2.3MB", 0, false},
		{"99999999999999999999", 0, false},
		{"9999999999999GiB", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"2MiB", "1.5 KB", "0", "123", "9e9", ".", "1..2G", "18446744073709551615"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var n int64
		var err error
		fuzzcheck.Within(t, func() { n, err = ParseSize(s) })
		if err == nil && n < 0 {
			t.Fatalf("ParseSize(%q) = %d: negative size without error", s, n)
		}
	})
}

// TestMaxUploadAtMostTheFileLimit checks that NEWSDESK_MAX_UPLOAD cannot
// exceed the largest article file the corpus reads: up to it is accepted,
// above it every command stops at start with a message naming the maximum.
func TestMaxUploadAtMostTheFileLimit(t *testing.T) {
	limit := fmt.Sprintf("%dMiB", load.MaxFileSize>>20)
	tests := []struct {
		value   string
		want    int64 // 0: refused
		wantErr string
	}{
		{limit, load.MaxFileSize, ""},
		{strconv.Itoa(load.MaxFileSize), load.MaxFileSize, ""},
		{strconv.Itoa(load.MaxFileSize + 1), 0, "is above the largest article file newsdesk reads, " + limit},
		{"20MiB", 0, "set it to " + limit + " or less"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			env := map[string]string{envMaxUpload: tt.value}
			c, err := LoadConfig(envOf(env))
			if tt.want != 0 {
				if err != nil || c.MaxUpload != tt.want {
					t.Fatalf("MaxUpload = %d, %v; want %d", c.MaxUpload, err, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), envMaxUpload) {
				t.Fatalf("error %v, want one naming %s and saying %q", err, envMaxUpload, tt.wantErr)
			}
			_, stderr, code := cli{env: env}.run(t, "index", "--corpus", testCorpus(t, false), "--index", filepath.Join(t.TempDir(), "index"))
			if code != exitFailure || strings.Contains(stderr, "Indexing") || !strings.Contains(lastLine(stderr), limit) {
				t.Errorf("index: exit %d, stderr:\n%s\nwant exit %d before indexing, naming %s", code, stderr, exitFailure, limit)
			}
		})
	}
}
