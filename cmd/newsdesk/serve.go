package main

import (
	"context"
	"fmt"

	"github.com/newsdesk/newsdesk/bot"
)

// ServeCommand runs the Discord bot until it is interrupted:
//
//	newsdesk serve [--corpus DIR] [--index DIR] [--log-level LEVEL]
//
// It needs DISCORD_TOKEN, from .env or the environment. It builds the index
// first when it is missing or the corpus changed.
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
	e, err := openEngine(ctx, c.IO, cfg, log)
	if err != nil {
		return err
	}
	defer e.Close()

	b, err := bot.New(bot.Config{
		Token:         cfg.DiscordToken,
		GuildID:       cfg.DiscordGuildID,
		APIBase:       cfg.DiscordAPI,
		AdminUserIDs:  cfg.AdminUsers,
		AdminRoleIDs:  cfg.AdminRoles,
		RatePerMinute: cfg.RatePerMinute,
		Burst:         cfg.RateBurst,
		MaxUpload:     cfg.MaxUpload,
		CorpusDir:     cfg.CorpusDir,
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

// apiForLog names the REST API the bot talks to.
func apiForLog(base string) string {
	if base == "" {
		return "discord.com"
	}
	return base
}
