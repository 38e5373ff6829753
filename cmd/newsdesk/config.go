package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/joho/godotenv"

	"github.com/newsdesk/newsdesk/bot"
	"github.com/newsdesk/newsdesk/corpus/load"
)

// Configuration variables, as read from the environment or .env.
const (
	envCorpus        = "NEWSDESK_CORPUS"
	envIndex         = "NEWSDESK_INDEX"
	envLogLevel      = "NEWSDESK_LOG_LEVEL"
	envToken         = "DISCORD_TOKEN"
	envGuildID       = "DISCORD_GUILD_ID"
	envDiscordAPI    = "NEWSDESK_DISCORD_API"
	envAdminUsers    = "NEWSDESK_ADMIN_USERS"
	envAdminRoles    = "NEWSDESK_ADMIN_ROLES"
	envAdminGuilds   = "NEWSDESK_ADMIN_GUILDS"
	envRatePerMinute = "NEWSDESK_RATE_PER_MINUTE"
	envRateBurst     = "NEWSDESK_RATE_BURST"
	envAdminRate     = "NEWSDESK_ADMIN_RATE_PER_MINUTE"
	envAdminBurst    = "NEWSDESK_ADMIN_RATE_BURST"
	envMaxSearches   = "NEWSDESK_MAX_SEARCHES"
	envQueueSize     = "NEWSDESK_QUEUE_SIZE"
	envMaxUpload     = "NEWSDESK_MAX_UPLOAD"
	envAskTimeout    = "NEWSDESK_ASK_TIMEOUT"
)

// Defaults, used when neither .env, the environment nor a flag sets a value.
const (
	defaultCorpus        = "corpus/articles"
	defaultIndex         = ".newsdesk/index"
	defaultRatePerMinute = 6
	defaultRateBurst     = 3
	defaultMaxUpload     = bot.DefaultMaxUpload
	defaultAskTimeout    = 10 * time.Second
)

// Config is newsdesk's configuration, layered: defaults, then .env and the
// environment (a real environment variable wins over .env), then flags.
type Config struct {
	CorpusDir string
	IndexDir  string
	LogLevel  slog.Level
	// logLevelSet records that .env or the environment chose LogLevel.
	logLevelSet bool

	// DiscordToken is the bot token. It is never printed or logged.
	DiscordToken   string
	DiscordGuildID string
	// DiscordAPI is the base URL of the Discord REST API; "" for Discord's own.
	DiscordAPI string
	AdminUsers []string
	AdminRoles []string
	// AdminGuilds are the servers whose Manage Server members are admins.
	AdminGuilds   []string
	RatePerMinute int
	RateBurst     int
	// AdminRatePerMinute and AdminRateBurst are each admin's own limit on
	// /reindex and /ingest, apart from their questions.
	AdminRatePerMinute int
	AdminRateBurst     int
	// MaxSearches is how many questions the bot searches at once; 0 for
	// one per core. QueueSize is how many more may wait; 0 for the bot's
	// default.
	MaxSearches int
	QueueSize   int
	MaxUpload   int64
	AskTimeout  time.Duration
}

// Env is where configuration comes from besides flags.
type Env struct {
	// Lookup reads one variable of the process environment (os.LookupEnv).
	Lookup func(key string) (string, bool)
	// DotEnv is the .env file to read when it exists; "" reads none.
	DotEnv string
}

// OSEnv is the process environment and the .env file of the working directory.
func OSEnv() Env { return Env{Lookup: os.LookupEnv, DotEnv: ".env"} }

// DefaultConfig returns the configuration used when nothing is set.
func DefaultConfig() Config {
	return Config{
		CorpusDir:          defaultCorpus,
		IndexDir:           defaultIndex,
		LogLevel:           slog.LevelInfo,
		RatePerMinute:      defaultRatePerMinute,
		RateBurst:          defaultRateBurst,
		AdminRatePerMinute: bot.DefaultAdminRatePerMinute,
		AdminRateBurst:     bot.DefaultAdminBurst,
		MaxUpload:          defaultMaxUpload,
		AskTimeout:         defaultAskTimeout,
	}
}

// LoadConfig layers .env and the environment over the defaults. Values in
// the environment win over .env, which never changes the process environment.
// An invalid value is an error naming the variable and what it should hold.
func LoadConfig(env Env) (Config, error) {
	dotenv := map[string]string{}
	if env.DotEnv != "" {
		m, err := godotenv.Read(env.DotEnv)
		switch {
		case err == nil:
			dotenv = m
		case errors.Is(err, fs.ErrNotExist):
		default:
			return Config{}, fmt.Errorf("read %s: %w (fix or remove the file; see .env.example)", env.DotEnv, err)
		}
	}
	get := func(key string) (string, bool) {
		if env.Lookup != nil {
			if v, ok := env.Lookup(key); ok {
				return strings.TrimSpace(v), true
			}
		}
		v, ok := dotenv[key]
		return strings.TrimSpace(v), ok
	}

	c := DefaultConfig()
	var errs []error
	str := func(key string, dst *string, keepDefaultWhenEmpty bool) {
		if v, ok := get(key); ok && (v != "" || !keepDefaultWhenEmpty) {
			*dst = v
		}
	}
	str(envCorpus, &c.CorpusDir, true)
	str(envIndex, &c.IndexDir, true)
	str(envToken, &c.DiscordToken, false)
	str(envGuildID, &c.DiscordGuildID, false)
	str(envDiscordAPI, &c.DiscordAPI, false)
	if v, ok := get(envAdminUsers); ok {
		c.AdminUsers = splitList(v)
	}
	if v, ok := get(envAdminRoles); ok {
		c.AdminRoles = splitList(v)
	}
	if v, ok := get(envAdminGuilds); ok {
		c.AdminGuilds = splitList(v)
	}
	if v, ok := get(envLogLevel); ok && v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			errs = append(errs, invalidEnv(envLogLevel, v, "debug, info, warn or error"))
		}
		c.logLevelSet = true
	}
	positiveInt := func(key string, dst *int) {
		v, ok := get(key)
		if !ok || v == "" {
			return
		}
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			errs = append(errs, invalidEnv(key, v, "a whole number above 0"))
			return
		}
		*dst = n
	}
	positiveInt(envRatePerMinute, &c.RatePerMinute)
	positiveInt(envRateBurst, &c.RateBurst)
	positiveInt(envAdminRate, &c.AdminRatePerMinute)
	positiveInt(envAdminBurst, &c.AdminRateBurst)
	positiveInt(envMaxSearches, &c.MaxSearches)
	positiveInt(envQueueSize, &c.QueueSize)
	if v, ok := get(envMaxUpload); ok && v != "" {
		n, err := ParseSize(v)
		switch {
		case err != nil || n <= 0:
			errs = append(errs, invalidEnv(envMaxUpload, v, `a size above 0 such as 2097152 or "2MiB"`))
		case n > load.MaxFileSize:
			// The corpus skips a larger file: /ingest would accept it and
			// then fail to index it.
			errs = append(errs, fmt.Errorf("%s=%q is above the largest article file newsdesk reads, %dMiB: set it to %dMiB or less in .env or the environment",
				envMaxUpload, v, load.MaxFileSize>>20, load.MaxFileSize>>20))
		default:
			c.MaxUpload = n
		}
	}
	if v, ok := get(envAskTimeout); ok && v != "" {
		d, err := parseTimeout(v)
		if err != nil {
			errs = append(errs, invalidEnv(envAskTimeout, v, `a duration above 0 such as "10s"`))
		} else {
			c.AskTimeout = d
		}
	}
	if len(errs) > 0 {
		return Config{}, errors.Join(errs...)
	}
	return c, nil
}

func invalidEnv(key, value, want string) error {
	return fmt.Errorf("%s=%q is invalid: set it to %s in .env or the environment", key, value, want)
}

// splitList splits a comma-separated list, trimming spaces and dropping
// empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// sizeUnits are the multipliers ParseSize accepts, lower-cased. K, M and G
// alone are binary, as in most command-line tools.
var sizeUnits = map[string]float64{
	"":    1,
	"b":   1,
	"k":   1 << 10,
	"kb":  1e3,
	"kib": 1 << 10,
	"m":   1 << 20,
	"mb":  1e6,
	"mib": 1 << 20,
	"g":   1 << 30,
	"gb":  1e9,
	"gib": 1 << 30,
}

// ParseSize reads a size in bytes: a plain number ("2097152") or a number
// with a unit ("2MiB", "1.5 MB", "512k"). KB/MB/GB are decimal, KiB/MiB/GiB
// and K/M/G binary.
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	num, unit := s[:i], strings.ToLower(strings.TrimSpace(s[i:]))
	if num == "" {
		return 0, fmt.Errorf("size %q: want a number of bytes, optionally with a unit such as MiB", s)
	}
	mult, ok := sizeUnits[unit]
	if !ok {
		return 0, fmt.Errorf("size %q: unknown unit %q (use B, KB, KiB, MB, MiB, GB or GiB)", s, unit)
	}
	if !strings.Contains(num, ".") {
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("size %q: %w", s, err)
		}
		if n > math.MaxInt64/int64(mult) {
			return 0, fmt.Errorf("size %q is too large", s)
		}
		return n * int64(mult), nil
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q: %w", s, err)
	}
	v := math.Round(f * mult)
	if v >= math.MaxInt64 {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	return int64(v), nil
}

// parseTimeout reads a positive duration: "10s", "1m30s", or a number of seconds.
func parseTimeout(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	d, err := time.ParseDuration(s)
	if err != nil {
		secs, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || math.IsNaN(secs) || math.IsInf(secs, 0) || secs > float64(math.MaxInt64/int64(time.Second)) {
			return 0, fmt.Errorf("duration %q: want e.g. 10s or 1m", s)
		}
		d = time.Duration(secs * float64(time.Second))
	}
	if d <= 0 {
		return 0, fmt.Errorf("duration %q: must be above 0", s)
	}
	return d, nil
}

// flagTarget lists the settings a command lets flags override.
type flagTarget uint

const (
	flagCorpus flagTarget = 1 << iota
	flagIndex
	flagLogLevel
	flagAskTimeout
	// flagQuietLog makes warn the default log level: the command talks to
	// a person, who gets a summary; info logs are serve's, or asked for
	// with --log-level or NEWSDESK_LOG_LEVEL.
	flagQuietLog
)

// registerFlags defines flags on fs that override c, defaulting to c's
// current values, so that flags win over the environment and .env.
func (c *Config) registerFlags(fs *flag.FlagSet, which flagTarget) {
	if which&flagQuietLog != 0 && !c.logLevelSet {
		c.LogLevel = slog.LevelWarn
	}
	if which&flagCorpus != 0 {
		fs.StringVar(&c.CorpusDir, "corpus", c.CorpusDir, "corpus `dir`ectory of article files ("+envCorpus+")")
	}
	if which&flagIndex != 0 {
		fs.StringVar(&c.IndexDir, "index", c.IndexDir, "index `dir`ectory ("+envIndex+")")
	}
	if which&flagLogLevel != 0 {
		fs.TextVar(&c.LogLevel, "log-level", c.LogLevel, "log `level`: debug, info, warn or error ("+envLogLevel+")")
	}
	if which&flagAskTimeout != 0 {
		fs.Var((*timeoutFlag)(&c.AskTimeout), "timeout", "`duration` allowed for one question, e.g. 10s ("+envAskTimeout+")")
	}
}

// timeoutFlag is a flag.Value for a positive duration.
type timeoutFlag time.Duration

func (t *timeoutFlag) String() string { return time.Duration(*t).String() }

func (t *timeoutFlag) Set(s string) error {
	d, err := parseTimeout(s)
	if err != nil {
		return err
	}
	*t = timeoutFlag(d)
	return nil
}
