package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/newsdesk/newsdesk/bot"
	"github.com/newsdesk/newsdesk/index"
)

// ServeCommand runs the Discord bot until it is interrupted:
//
//	newsdesk serve [--corpus DIR] [--index DIR] [--log-level LEVEL]
//
// It needs DISCORD_TOKEN, from .env or the environment. It builds the index
// first when there is none to answer from; when the corpus changed since the
// index was built, it connects first and re-indexes in the background,
// answering from the index as it is meanwhile.
type ServeCommand struct {
	IO *IO
}

// Run runs the serve command. It returns nil when ctx ends (SIGINT or
// SIGTERM) and the bot has shut down gracefully.
func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	fs, cfg, err := newCommand(c.IO, "serve", "serve [--corpus DIR] [--index DIR] [--log-level LEVEL]", flagCorpus|flagIndex|flagLogLevel)
	if err != nil {
		return err
	}
	if err := parseNoArgs(fs, args, "serve takes no arguments, got %q"); err != nil {
		return err
	}
	if cfg.DiscordToken == "" {
		return fmt.Errorf("%s is not set: put the bot token in .env or the environment (see .env.example and the README's Discord section)", envToken)
	}
	log := c.IO.Logger(cfg.LogLevel)
	e, reindex, err := openForServe(ctx, c.IO, cfg, log)
	if err != nil {
		return err
	}
	defer e.Close()

	b, err := bot.New(bot.Config{
		Token:              cfg.DiscordToken,
		GuildID:            cfg.DiscordGuildID,
		APIBase:            cfg.DiscordAPI,
		AdminUserIDs:       cfg.AdminUsers,
		AdminRoleIDs:       cfg.AdminRoles,
		RatePerMinute:      cfg.RatePerMinute,
		Burst:              cfg.RateBurst,
		AdminRatePerMinute: cfg.AdminRatePerMinute,
		AdminBurst:         cfg.AdminRateBurst,
		MaxSearches:        cfg.MaxSearches,
		QueueSize:          cfg.QueueSize,
		MaxUpload:          cfg.MaxUpload,
		CorpusDir:          cfg.CorpusDir,
		Reindex:            reindex,
	}, e, log)
	if err != nil {
		return fmt.Errorf("start the Discord bot: %w", err)
	}
	log.Info("starting the Discord bot", "corpus", cfg.CorpusDir, "index", cfg.IndexDir, "guild", cfg.DiscordGuildID, "api", apiForLog(cfg.DiscordAPI))
	if err := b.Run(ctx); err != nil {
		return fmt.Errorf("run the Discord bot: %w (check DISCORD_TOKEN and the network; see the README's Discord section)", err)
	}
	return nil
}

// openForServe opens the index the bot answers from. An index that opens
// but is older than the corpus is served as it is, and reindex is true: the
// bot re-indexes once connected, so that a restart never keeps Discord
// waiting for a build. A missing or damaged index is built first, for there
// is nothing else to answer from.
func openForServe(ctx context.Context, s *IO, cfg *Config, log *slog.Logger) (e *index.Engine, reindex bool, err error) {
	if err := checkCorpusDir(cfg.CorpusDir); err != nil {
		return nil, false, err
	}
	if stale, err := index.Stale(ctx, cfg.CorpusDir, cfg.IndexDir); err == nil && stale {
		if e, err := index.Open(ctx, cfg.IndexDir, log); err == nil {
			log.Info("the corpus changed since the index was built; re-indexing once connected", "index", cfg.IndexDir)
			return e, true, nil
		}
	}
	e, err = openEngine(ctx, s, cfg, log)
	return e, false, err
}

// apiForLog names the REST API the bot talks to.
func apiForLog(base string) string {
	if base == "" {
		return "discord.com"
	}
	return base
}
