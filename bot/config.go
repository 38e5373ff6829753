package bot

import (
	"runtime"
	"time"

	"github.com/newsdesk/newsdesk/corpus/load"
)

// Config configures the bot. Only Token and CorpusDir are required;
// every other field has a default.
type Config struct {
	// Token is the bot token, with or without the "Bot " prefix. It is
	// never logged nor included in an error.
	Token string
	// GuildID, when set, registers the commands in that guild only (they
	// appear at once; global commands can take a while). For development.
	GuildID string
	// APIBase is the base URL of the Discord REST API, replacing
	// "https://discord.com/api" (e.g. "http://127.0.0.1:8080/api" for a
	// REST proxy or a fake). The gateway address is what its /gateway
	// returns. Empty means Discord itself.
	APIBase string
	// AdminUserIDs and AdminRoleIDs may use /reindex and /ingest besides
	// members with the Manage Server permission.
	AdminUserIDs []string
	AdminRoleIDs []string
	// AdminGuildIDs are the servers whose members with Manage Server (or
	// Administrator) are admins; GuildID counts as one. Manage Server in
	// any other server grants nothing: anyone may invite a public bot to a
	// server of their own, where they have it.
	AdminGuildIDs []string
	// RatePerMinute and Burst set each user's token bucket: Burst requests
	// at once, refilled at RatePerMinute. Defaults 6 and 3.
	RatePerMinute int
	Burst         int
	// AdminRatePerMinute and AdminBurst set each user's token bucket for
	// the admin commands (/reindex, /ingest), apart from their questions'
	// bucket, so that an admin adding several files is never told to slow
	// down by the question limit. Defaults 30 and 10.
	AdminRatePerMinute int
	AdminBurst         int
	// MaxSearches is how many questions (commands, buttons and messages
	// that search the index) are searched at once; default
	// runtime.NumCPU(). The others wait their turn in arrival order.
	MaxSearches int
	// QueueSize is how many questions may wait for a search beyond those
	// being searched; a question that finds the queue full is told at once
	// that the bot is busy. Default DefaultQueuePerSearch per search.
	QueueSize int
	// MaxUpload caps the size of an /ingest attachment in bytes; default 2
	// MiB. It is at most load.MaxFileSize, the largest file the corpus
	// reads: a larger value is lowered to it, since a larger file would be
	// written to the corpus and then skipped.
	MaxUpload int64
	// CorpusDir is the folder of article files, which /ingest writes to and
	// /reindex reads; the index is the engine's.
	CorpusDir string
	// PageSize is how many passages one reply shows; default 3, at most 10.
	PageSize int
	// DeferAfter is how long a command may take before its reply is
	// deferred ("newsdesk is thinking…") and edited later; default 1.5 s,
	// which leaves Discord's 3 s deadline room for the network.
	DeferAfter time.Duration
	// ShutdownTimeout bounds how long Run waits for in-flight replies after
	// its context ends before cancelling them; default 30 s.
	ShutdownTimeout time.Duration
	// Reindex makes Run re-index the corpus in the background once it is
	// connected, answering from the current index meanwhile and swapping
	// to the new one when it is built (serve sets it when the corpus
	// changed since the index was built). /reindex and /ingest are refused
	// while it runs, as during any re-index.
	Reindex bool
	// Now returns the current time, for the rate limiter; default time.Now.
	Now func() time.Time
}

// Defaults.
const (
	DefaultRatePerMinute      = 6
	DefaultBurst              = 3
	DefaultAdminRatePerMinute = 30
	DefaultAdminBurst         = 10
	// DefaultQueuePerSearch is how many questions may wait per search
	// running at once: at the few milliseconds a question takes, the last
	// of them is answered within seconds.
	DefaultQueuePerSearch  = 250
	DefaultMaxUpload       = 2 << 20
	DefaultPageSize        = 3
	DefaultDeferAfter      = 1500 * time.Millisecond
	DefaultShutdownTimeout = 30 * time.Second
)

// withDefaults fills in the zero fields of c.
func (c Config) withDefaults() Config {
	if c.RatePerMinute <= 0 {
		c.RatePerMinute = DefaultRatePerMinute
	}
	if c.Burst <= 0 {
		c.Burst = DefaultBurst
	}
	if c.AdminRatePerMinute <= 0 {
		c.AdminRatePerMinute = DefaultAdminRatePerMinute
	}
	if c.AdminBurst <= 0 {
		c.AdminBurst = DefaultAdminBurst
	}
	if c.MaxSearches <= 0 {
		c.MaxSearches = runtime.NumCPU()
	}
	if c.QueueSize <= 0 {
		c.QueueSize = DefaultQueuePerSearch * c.MaxSearches
	}
	if c.MaxUpload <= 0 {
		c.MaxUpload = DefaultMaxUpload
	}
	c.MaxUpload = min(c.MaxUpload, load.MaxFileSize)
	if c.PageSize <= 0 {
		c.PageSize = DefaultPageSize
	}
	c.PageSize = min(c.PageSize, MaxEmbeds)
	if c.DeferAfter <= 0 {
		c.DeferAfter = DefaultDeferAfter
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}
