// Command newsdesk answers questions from a corpus of news articles with the
// passages themselves and their attribution, on the command line and as a
// Discord bot.
//
// Usage:
//
//	newsdesk <command> [flags] [arguments]
//
// The commands are ask, index, serve, eval and bench; `newsdesk help` lists
// them and `newsdesk <command> -h` describes one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/newsdesk/newsdesk/corpus"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, a second one ends the process at once.
	go func() {
		<-ctx.Done()
		stop()
	}()
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Env: OSEnv()}
	code := m.Execute(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK      = 0 // done, including a question with no answer
	exitFailure = 1 // something failed; the message says what to do
	exitUsage   = 2 // the command line is wrong
)

// Main runs newsdesk's subcommands. Commands write data to Stdout and
// progress and logs to Stderr.
type Main struct {
	Stdout io.Writer
	Stderr io.Writer
	Env    Env
}

// Execute runs the command line args (without the program name), prints a
// one-line message to Stderr when it fails, and returns the exit code.
func (m *Main) Execute(ctx context.Context, args []string) int {
	err := m.Run(ctx, args)
	code := ExitCode(err)
	if code != exitOK {
		fmt.Fprintln(m.Stderr, "newsdesk: "+Message(err))
	}
	return code
}

// Run dispatches args to a subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	var cmd string
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "ask":
		return (&AskCommand{Stdout: m.Stdout, Stderr: m.Stderr, Env: m.Env}).Run(ctx, args)
	case "index":
		return (&IndexCommand{Stdout: m.Stdout, Stderr: m.Stderr, Env: m.Env}).Run(ctx, args)
	case "serve":
		return (&ServeCommand{Stdout: m.Stdout, Stderr: m.Stderr, Env: m.Env}).Run(ctx, args)
	case "eval":
		return (&EvalCommand{Stdout: m.Stdout, Stderr: m.Stderr, Env: m.Env}).Run(ctx, args)
	case "bench":
		return (&BenchCommand{Stdout: m.Stdout, Stderr: m.Stderr, Env: m.Env}).Run(ctx, args)
	case "help", "-h", "-help", "--help":
		if len(args) > 0 {
			return m.Run(ctx, []string{args[0], "-h"})
		}
		fmt.Fprint(m.Stdout, usage)
		return nil
	case "":
		fmt.Fprint(m.Stderr, usage)
		return usageErrorf("no command given: try `newsdesk ask \"who is Ghiath Dallah\"`")
	default:
		fmt.Fprint(m.Stderr, usage)
		return usageErrorf("unknown command %q: run `newsdesk help` for the list", cmd)
	}
}

const usage = `newsdesk answers questions from a corpus of news articles with quoted passages
and their attribution.

Usage:

	newsdesk <command> [flags] [arguments]

Commands:

	ask      answer a question from the command line
	index    build or refresh the search index of the corpus
	serve    run the Discord bot
	eval     measure answer quality on a file of questions
	bench    benchmark indexing and questions on a synthetic corpus

Run "newsdesk <command> -h" for a command's flags. Settings come from flags,
then the environment, then .env (see .env.example).
`

// usageError is a mistake on the command line; it exits with code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// ExitCode maps the error a command returned to the process exit code.
func ExitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	default:
		return exitFailure
	}
}

// Message is the one-line text shown for err: the user-facing message of a
// *corpus.Error, else the error's own text.
func Message(err error) string {
	var ce *corpus.Error
	msg := err.Error()
	if errors.As(err, &ce) {
		msg = ce.Message
	}
	if errors.Is(err, context.Canceled) {
		msg = "interrupted"
	}
	return strings.Join(strings.Fields(msg), " ")
}

// parseArgs parses flags wherever they appear among the positional
// arguments ("ask who is X --json"); "--" ends the flags. Flag errors are
// usage errors; -h is flag.ErrHelp.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{msg: err.Error() + " (see `newsdesk " + fs.Name() + " -h`)"}
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints its usage to w.
func newFlagSet(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: newsdesk %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// loadConfig reads the configuration of env and defines the flags that
// override it on fs; the flags take effect when fs is parsed.
func loadConfig(env Env, fs *flag.FlagSet, which flagTarget) (*Config, error) {
	c, err := LoadConfig(env)
	if err != nil {
		return nil, err
	}
	c.registerFlags(fs, which)
	return &c, nil
}

// newLogger returns a text logger on w at level.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}
