package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newsdesk/newsdesk/index/eval"
	"github.com/newsdesk/newsdesk/index/rank"
)

// TrainCommand fits the ranking model to labelled questions:
//
//	newsdesk train [--out FILE] [--index DIR] [--without FEATURES] [--log-level LEVEL] QUESTIONS.tsv...
//
// Each set is indexed on its own (its articles directory sits next to its
// questions), every question's pool is labelled with what answers it,
// and one model is fitted to all of them (rank.Fit) and written to --out.
// It first prints the leave-one-set-out scores: each set measured with a
// model fitted to the others.
type TrainCommand struct {
	IO *IO
}

// Run runs the train command.
func (c *TrainCommand) Run(ctx context.Context, args []string) error {
	flags, cfg, err := newCommand(c.IO, "train", "train [--out FILE] [--index DIR] [--without FEATURES] [--log-level LEVEL] QUESTIONS.tsv...", flagLogLevel|flagQuietLog)
	if err != nil {
		return err
	}
	out := flags.String("out", filepath.Join("index", "rank", "model.json"), "write the model to this `file`")
	indexDir := flags.String("index", "", "build the sets' indexes under this `dir`ectory instead of a temporary one")
	without := flags.String("without", "", "fit without these `features` (comma-separated names), to measure what they bring")
	rest, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		flags.Usage()
		return usageErrorf("train takes two questions files or more (one per set), e.g. newsdesk train corpus/testdata/eval*/questions.tsv")
	}
	sets, err := readSets(flags, cfg, rest)
	if err != nil {
		return err
	}
	dropped, err := featureIndexes(*without)
	if err != nil {
		return err
	}
	root, cleanup, err := indexRoot(*indexDir, "newsdesk-train-")
	if err != nil {
		return err
	}
	defer cleanup()
	run := evalRun{io: c.IO, log: c.IO.Logger(cfg.LogLevel), root: root}
	names := make([]string, len(sets))
	groups := make([][]rank.Group, len(sets))
	var all []rank.Group
	for i, set := range sets {
		names[i] = set.Name
		e, err := run.open(ctx, set, filepath.Join(root, strconv.Itoa(i+1)))
		if err != nil {
			return err
		}
		e.SetModel(rank.ZeroModel())
		groups[i], err = eval.Groups(ctx, e, set.Cases)
		e.Close()
		if err != nil {
			return fmt.Errorf("set %s: %w", set.Name, err)
		}
		dropFeatures(groups[i], dropped)
		all = append(all, groups[i]...)
	}
	fmt.Fprintln(c.IO.Out, "Leave one set out (each set scored by a model fitted to the others):")
	if err := eval.LeaveOneOut(names, groups, rank.FitOptions{}).Write(c.IO.Out); err != nil {
		return err
	}
	m := rank.Fit(all, rank.FitOptions{})
	m.Trained = fmt.Sprintf("newsdesk train, %d questions of %d sets", len(all), len(sets))
	fmt.Fprintln(c.IO.Out, "\nFitted to every set:")
	if err := eval.ScoreSets(m, names, groups).Write(c.IO.Out); err != nil {
		return err
	}
	data, err := m.MarshalIndent()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return fmt.Errorf("write the model: %w", err)
	}
	fmt.Fprintf(c.IO.ErrOut, "wrote %s\n", *out)
	return nil
}

// featureIndexes returns the vector indexes of comma-separated feature
// names.
func featureIndexes(list string) ([]int, error) {
	var out []int
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		i := slices.Index(rank.FeatureNames[:], name)
		if i < 0 {
			return nil, usageErrorf("--without %s: no such feature; the features are %s", name, strings.Join(rank.FeatureNames[:], ", "))
		}
		out = append(out, i)
	}
	return out, nil
}

// dropFeatures zeroes the features of every candidate of groups, so that
// a fit gives them no weight.
func dropFeatures(groups []rank.Group, features []int) {
	for _, g := range groups {
		for i := range g.Features {
			for _, f := range features {
				g.Features[i][f] = 0
			}
		}
	}
}
