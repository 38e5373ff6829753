// Command newsdesk answers questions from a corpus of news articles with the
// passages themselves and their attribution, on the command line and as a
// Discord bot.
//
// Usage:
//
//	newsdesk <command> [flags] [arguments]
//
// The commands are ask, index, serve, eval, train and bench; `newsdesk help`
// lists them, `newsdesk <command> -h` describes one and `newsdesk --version`
// prints the version.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
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
	code := (&Main{IO: SystemIO()}).Execute(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK      = 0 // done, including a question with no answer
	exitFailure = 1 // something failed; the message says what to do
	exitUsage   = 2 // the command line is wrong
)

// Main runs newsdesk's subcommands, all on the same IO: data to its Out,
// progress and logs to its ErrOut.
type Main struct {
	IO *IO
}

// Execute runs the command line args (without the program name), prints a
// one-line message to m.IO.ErrOut when it fails, and returns the exit code.
func (m *Main) Execute(ctx context.Context, args []string) int {
	err := m.Run(ctx, args)
	code := ExitCode(err)
	if code != exitOK {
		fmt.Fprintln(m.IO.ErrOut, "newsdesk: "+Message(err))
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
		return (&AskCommand{IO: m.IO}).Run(ctx, args)
	case "index":
		return (&IndexCommand{IO: m.IO}).Run(ctx, args)
	case "serve":
		return (&ServeCommand{IO: m.IO}).Run(ctx, args)
	case "eval":
		return (&EvalCommand{IO: m.IO}).Run(ctx, args)
	case "train":
		return (&TrainCommand{IO: m.IO}).Run(ctx, args)
	case "bench":
		return (&BenchCommand{IO: m.IO}).Run(ctx, args)
	case "version", "-version", "--version":
		fmt.Fprintln(m.IO.Out, version())
		return nil
	case "help", "-h", "-help", "--help":
		if len(args) > 0 {
			return m.Run(ctx, []string{args[0], "-h"})
		}
		fmt.Fprint(m.IO.Out, usage)
		return nil
	case "":
		fmt.Fprint(m.IO.ErrOut, usage)
		return usageErrorf("no command given: try `newsdesk ask \"who is Ghiath Dallah\"`")
	default:
		fmt.Fprint(m.IO.ErrOut, usage)
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
	train    fit the ranking model to files of questions
	bench    benchmark indexing and questions on a synthetic corpus

Run "newsdesk <command> -h" for a command's flags, "newsdesk --version" for
the version. Settings come from flags, then the environment, then .env (see
.env.example).
`

// version describes this build, from the information Go records in the
// binary: the module version (a tag with go install …@v1.2.3, "(devel)"
// when built from a clone), the VCS revision, its time and whether the
// tree had changes, and the Go version.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	return versionOf(bi, ok)
}

// versionOf is version's text for the build information bi; ok is false
// when there is none.
func versionOf(bi *debug.BuildInfo, ok bool) string {
	if !ok {
		return "newsdesk, version unknown (built without module support)"
	}
	v := cmp.Or(bi.Main.Version, "(devel)")
	var rev, when, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = " with local changes"
			}
		}
	}
	out := "newsdesk " + v
	if rev != "" {
		out += " (revision " + rev[:min(len(rev), 12)]
		if when != "" {
			out += " of " + when
		}
		out += modified + ")"
	}
	return out + " " + bi.GoVersion
}

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
