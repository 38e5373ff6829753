package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// parseArgs parses flags wherever they appear among the positional
// arguments ("ask who is X --json"); "--" ends the flags. Flag errors are
// usage errors; -h is flag.ErrHelp.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	// The flag package prints a bad flag and the usage itself; the one-line
	// message Main prints says it all, so only -h shows the usage.
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
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
	fs.SetOutput(io.Discard) // errors are returned, and printed once by Main
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: newsdesk %s\n\nFlags:\n", synopsis)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// newCommand starts a subcommand's command line: a flag set printing its
// usage and errors to stderr, and the configuration of s.Env with the flags
// which that override it defined on the set. The flags take effect when the
// set is parsed.
func newCommand(s *IO, name, synopsis string, which flagTarget) (*flag.FlagSet, *Config, error) {
	fs := newFlagSet(name, synopsis, s.ErrOut)
	c, err := LoadConfig(s.Env)
	if err != nil {
		return nil, nil, err
	}
	c.registerFlags(fs, which)
	return fs, &c, nil
}

// parseNoArgs parses args for a command that takes flags only; a
// positional argument is a usage error, format naming it with %q.
func parseNoArgs(fs *flag.FlagSet, args []string, format string) error {
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return usageErrorf(format, rest[0])
	}
	return nil
}
