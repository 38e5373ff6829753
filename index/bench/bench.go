// Package bench measures newsdesk against a plain Bleve baseline on
// synthetic corpora: build time and CPU, question latency, memory and
// index size, side by side.
package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/corpus/synth"
	"github.com/newsdesk/newsdesk/index"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// Benchmark sides.
const (
	// SideNewsdesk is newsdesk's own Build and Ask.
	SideNewsdesk = "newsdesk"
	// SideBaseline is a plain Bleve index with the default mapping, built in
	// batches of 1000 and queried with a match query: what a typical Go
	// developer would write.
	SideBaseline = "baseline"
	// SideRules is newsdesk ranking by its strategies' rules alone,
	// without the learned model's pool: what the model costs.
	SideRules = "rules"
)

// DefaultSizes returns the corpus sizes, in paragraphs, Run
// measures by default.
func DefaultSizes() []int { return []int{10_000, 100_000} }

// Questions returns the fixed question mix whose latency Run
// measures by default.
func Questions() []string { return slices.Clone(questionMix) }

var questionMix = []string{
	"who is Ghiath Dallah", "latest death toll", "what did the observatory say", "clashes in Tartus",
	"how many civilians were killed in Homs", "who is Leila Khoury", "what did Charles Lister say",
	"death toll in Aleppo", "ceasefire talks", "drone attack in Idlib", "Red Crescent aid convoys",
	"how many people are missing", "who is Hussein Qassem", "what did the Health Ministry say",
	"fighting in Deir ez-Zor", "wounded in Latakia market", "who is the interim president",
	"checkpoints on the main roads", "what did Mohamed el-Hasan say about the attack", "how many children died",
	"gunmen stormed neighbourhoods", "fuel shortages", "who ordered the attack", "Amnesty International report",
	"soldiers killed in an ambush", "return of refugees", "latest toll in Rafah", "what did the United Nations say",
	"prisoner exchange talks", "hospitals running out of medicine",
}

// Options configures Run.
type Options struct {
	// Sizes are corpus sizes in paragraphs; DefaultSizes() when empty.
	Sizes []int
	// Seed makes the synthetic corpus; the same seed gives the same corpus.
	Seed int64
	// Dir is where corpora and indexes are written; a temporary directory
	// (removed afterwards) when "".
	Dir string
	// Questions are the question mix; Questions() when empty.
	Questions []string
	// Rounds is how many times the question mix is asked after one warm-up
	// round; 10 when 0.
	Rounds int
	// Repeat is how many times each side is measured at each size; 1 when
	// 0. The sides alternate, so that a spell of load on a shared machine
	// falls on both, and each figure reported is the median of the runs
	// (peak RSS and index size the largest).
	Repeat int
	// Spawn, when set, measures one side at one size in a fresh process (so
	// that peak RSS is that side's alone) and returns its result; the
	// process should call Side and report the result. When nil, sides
	// run in this process one after the other, and peak RSS is the
	// process's high-water mark so far.
	Spawn func(ctx context.Context, side string, size int) (Result, error)
	Log   *slog.Logger
	// Rules adds SideRules to the sides measured.
	Rules bool
	// Files makes the baseline read the same article files from disk that
	// newsdesk reads (with newsdesk's loader), its build time including
	// reading them; by default it indexes the articles from memory.
	Files bool
	// Reuse measures the questions on the index an earlier run left in
	// Dir, when there is one, instead of building it again: no build is
	// measured, and the peak RSS is that of serving.
	Reuse bool
}

// Result is one side measured at one size.
type Result struct {
	Side       string `json:"side"`
	Paragraphs int    `json:"paragraphs"`
	// Build is the wall time of the build; for newsdesk it includes loading
	// the corpus files and extraction (extract.Analyze).
	Build            time.Duration `json:"build_ns"`
	ParagraphsPerSec float64       `json:"paragraphs_per_sec"`
	// BuildCPU is the CPU time (user+system) the process spent building,
	// all goroutines included: unlike Build, other load on the machine
	// barely changes it.
	BuildCPU time.Duration `json:"build_cpu_ns"`
	AskP50   time.Duration `json:"ask_p50_ns"`
	AskP99   time.Duration `json:"ask_p99_ns"`
	// Answered is how many questions of the mix got at least one answer.
	Answered int `json:"answered"`
	// PeakRSS is the process's peak resident set size (VmHWM), bytes.
	PeakRSS int64 `json:"peak_rss"`
	// IndexBytes is the size of the index on disk.
	IndexBytes int64 `json:"index_bytes"`
	// Runs is how many measurements the figures summarise (Run's
	// Repeat); BuildMin and BuildMax are the fastest and slowest builds.
	Runs     int           `json:"runs,omitempty"`
	BuildMin time.Duration `json:"build_min_ns,omitempty"`
	BuildMax time.Duration `json:"build_max_ns,omitempty"`
	// Note says how the figure was obtained when it is not the usual way.
	Note string `json:"note,omitempty"`
}

// Report is every result of a Run run.
type Report struct {
	Results []Result `json:"results"`
}

// Run measures newsdesk against a plain Bleve baseline on synthetic
// corpora of each size, and writes a side-by-side table to w.
func Run(ctx context.Context, opts Options, w io.Writer) (Report, error) {
	sizes := opts.Sizes
	if len(sizes) == 0 {
		sizes = DefaultSizes()
	}
	repeat := max(opts.Repeat, 1)
	var rep Report
	for _, size := range sizes {
		runs := map[string][]Result{}
		for r := range repeat {
			sides := opts.sides()
			if r%2 == 1 {
				slices.Reverse(sides)
			}
			for _, side := range sides {
				var (
					res Result
					err error
				)
				if opts.Spawn != nil {
					res, err = opts.Spawn(ctx, side, size)
				} else {
					res, err = Side(ctx, opts, side, size)
				}
				if err != nil {
					return rep, fmt.Errorf("bench %s at %d paragraphs: %w", side, size, err)
				}
				runs[side] = append(runs[side], res)
			}
		}
		for _, side := range opts.sides() {
			rep.Results = append(rep.Results, summarise(runs[side]))
		}
	}
	if err := writeTable(w, rep); err != nil {
		return rep, err
	}
	return rep, nil
}

// summarise combines the runs of one side at one size: the median of each
// time, the largest memory and index size, the fewest questions answered.
func summarise(runs []Result) Result {
	if len(runs) == 1 {
		out := runs[0]
		out.Runs = 1
		return out
	}
	median := func(get func(Result) time.Duration) time.Duration {
		ds := make([]time.Duration, len(runs))
		for i, r := range runs {
			ds[i] = get(r)
		}
		slices.Sort(ds)
		if n := len(ds); n%2 == 0 {
			return (ds[n/2-1] + ds[n/2]) / 2
		}
		return ds[len(ds)/2]
	}
	out := runs[0]
	out.Runs = len(runs)
	out.Build = median(func(r Result) time.Duration { return r.Build })
	out.BuildCPU = median(func(r Result) time.Duration { return r.BuildCPU })
	out.AskP50 = median(func(r Result) time.Duration { return r.AskP50 })
	out.AskP99 = median(func(r Result) time.Duration { return r.AskP99 })
	out.ParagraphsPerSec = perSecond(out.Paragraphs, out.Build)
	out.BuildMin, out.BuildMax = runs[0].Build, runs[0].Build
	var notes []string
	for _, r := range runs {
		out.BuildMin, out.BuildMax = min(out.BuildMin, r.Build), max(out.BuildMax, r.Build)
		out.PeakRSS = max(out.PeakRSS, r.PeakRSS)
		out.IndexBytes = max(out.IndexBytes, r.IndexBytes)
		out.Answered = min(out.Answered, r.Answered)
		if r.Note != "" && !slices.Contains(notes, r.Note) {
			notes = append(notes, r.Note)
		}
	}
	out.Note = strings.Join(notes, "; ")
	return out
}

// sides are the sides measured, in order.
func (o Options) sides() []string {
	if o.Rules {
		return []string{SideBaseline, SideNewsdesk, SideRules}
	}
	return []string{SideBaseline, SideNewsdesk}
}

// Side measures one side at one corpus size in this process.
func Side(ctx context.Context, opts Options, side string, size int) (Result, error) {
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dir := opts.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "newsdesk-bench-")
		if err != nil {
			return Result{}, fmt.Errorf("bench directory: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	dir = filepath.Join(dir, fmt.Sprintf("%s-%d", side, size))
	if opts.Reuse {
		s, ok, err := reopen(ctx, dir, side, log)
		if err != nil {
			return Result{}, err
		}
		if ok {
			return measureReused(ctx, opts, s, Result{Side: side, Paragraphs: size, Note: "reused the index in " + s.indexDir})
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return Result{}, err
	}
	articles := synth.Articles(opts.Seed, size)
	log.Info("bench", "side", side, "paragraphs", size, "articles", len(articles))

	res := Result{Side: side, Paragraphs: size}
	var (
		s   built
		err error
	)
	switch side {
	case SideNewsdesk, SideRules:
		s, err = buildNewsdesk(ctx, dir, articles, log, side == SideRules, &res)
	case SideBaseline:
		s, err = buildBaseline(ctx, dir, articles, opts.Files, &res)
	default:
		return res, fmt.Errorf("unknown bench side %q", side)
	}
	if err != nil {
		return res, err
	}
	defer s.close()
	res.ParagraphsPerSec = perSecond(size, res.Build)
	if err := measureAsk(ctx, opts, s.ask, &res); err != nil {
		return res, err
	}
	if res.IndexBytes, err = dirSize(s.indexDir); err != nil {
		return res, err
	}
	res.PeakRSS = peakRSS()
	return res, nil
}

// reopen opens the index of side that an earlier run left under dir;
// ok is false when there is none.
func reopen(ctx context.Context, dir, side string, log *slog.Logger) (s built, ok bool, err error) {
	idxDir := filepath.Join(dir, "index")
	if _, err := os.Stat(idxDir); err != nil {
		return built{}, false, nil
	}
	switch side {
	case SideNewsdesk, SideRules:
		e, err := index.Open(ctx, idxDir, log)
		if err != nil {
			return built{}, false, fmt.Errorf("reuse %s: %w", idxDir, err)
		}
		if side == SideRules {
			e.SetModel(nil)
		}
		return built{indexDir: idxDir, ask: engineAsk(e), close: e.Close}, true, nil
	case SideBaseline:
		idx, err := bleveindex.OpenBaseline(idxDir)
		if err != nil {
			return built{}, false, fmt.Errorf("reuse %s: %w", idxDir, err)
		}
		ask := func(ctx context.Context, q string) (int, error) { return idx.Ask(ctx, q, index.DefaultLimit) }
		return built{indexDir: idxDir, ask: ask, close: idx.Close}, true, nil
	}
	return built{}, false, fmt.Errorf("unknown bench side %q", side)
}

// measureReused measures the questions on a reopened index.
func measureReused(ctx context.Context, opts Options, s built, res Result) (Result, error) {
	defer s.close()
	if err := measureAsk(ctx, opts, s.ask, &res); err != nil {
		return res, err
	}
	var err error
	if res.IndexBytes, err = dirSize(s.indexDir); err != nil {
		return res, err
	}
	res.PeakRSS = peakRSS()
	return res, nil
}

// engineAsk asks e a question and returns how many answers it got.
func engineAsk(e *index.Engine) func(context.Context, string) (int, error) {
	return func(ctx context.Context, q string) (int, error) {
		r, err := e.Ask(ctx, q, index.AskOptions{Limit: index.DefaultLimit})
		if err != nil {
			return 0, err
		}
		return len(r.Answers), nil
	}
}

// built is one side's index, built and open.
type built struct {
	indexDir string
	// ask asks a question and returns how many answers it got.
	ask   func(context.Context, string) (int, error)
	close func() error
}

// buildNewsdesk writes the articles as corpus files under dir and builds
// newsdesk's index of them, timing the build into res.
func buildNewsdesk(ctx context.Context, dir string, articles []corpus.Article, log *slog.Logger, rules bool, res *Result) (built, error) {
	corpusDir, idxDir := filepath.Join(dir, "corpus"), filepath.Join(dir, "index")
	if err := synth.WriteCorpus(corpusDir, articles); err != nil {
		return built{}, err
	}
	start, cpu := time.Now(), cpuTime()
	b, err := index.Build(ctx, index.BuildOptions{CorpusDir: corpusDir, IndexDir: idxDir, Log: log, TuneGC: true})
	if err != nil {
		return built{}, err
	}
	res.Build, res.BuildCPU = time.Since(start), cpuTime()-cpu
	if b.Paragraphs != res.Paragraphs {
		// The corpus loader did not read the files back (or read them
		// differently): build from the articles in memory instead.
		res.Note = fmt.Sprintf("load.Dir read %d of %d paragraphs; built from memory", b.Paragraphs, res.Paragraphs)
		if err := os.RemoveAll(idxDir); err != nil {
			return built{}, err
		}
		start, cpu = time.Now(), cpuTime()
		if _, err := index.BuildFrom(ctx, index.BuildOptions{IndexDir: idxDir, Log: log, TuneGC: true}, load.Result{Articles: articles}); err != nil {
			return built{}, err
		}
		res.Build, res.BuildCPU = time.Since(start), cpuTime()-cpu
	}
	e, err := index.Open(ctx, idxDir, log)
	if err != nil {
		return built{}, err
	}
	if rules {
		e.SetModel(nil)
	}
	return built{indexDir: idxDir, ask: engineAsk(e), close: e.Close}, nil
}

// buildBaseline builds the plain Bleve baseline of the articles under
// dir, timing the build into res: from the articles in memory, or, with
// files, from the article files it writes under dir, reading them
// included.
func buildBaseline(ctx context.Context, dir string, articles []corpus.Article, files bool, res *Result) (built, error) {
	indexDir, corpusDir := filepath.Join(dir, "index"), filepath.Join(dir, "corpus")
	if files {
		if err := synth.WriteCorpus(corpusDir, articles); err != nil {
			return built{}, err
		}
		articles = nil
	}
	start, cpu := time.Now(), cpuTime()
	if files {
		loaded, err := load.Dir(ctx, corpusDir)
		if err != nil {
			return built{}, err
		}
		articles = loaded.Articles
	}
	if err := bleveindex.BuildBaseline(indexDir, articles); err != nil {
		return built{}, err
	}
	res.Build, res.BuildCPU = time.Since(start), cpuTime()-cpu
	idx, err := bleveindex.OpenBaseline(indexDir)
	if err != nil {
		return built{}, err
	}
	ask := func(ctx context.Context, q string) (int, error) { return idx.Ask(ctx, q, index.DefaultLimit) }
	return built{indexDir: indexDir, ask: ask, close: idx.Close}, nil
}

// measureAsk asks the question mix once to warm up (counting the
// questions answered), then opts.Rounds times, and records the latency.
func measureAsk(ctx context.Context, opts Options, ask func(context.Context, string) (int, error), res *Result) error {
	questions := opts.Questions
	if len(questions) == 0 {
		questions = questionMix
	}
	rounds := opts.Rounds
	if rounds <= 0 {
		rounds = 10
	}
	lat := make([]time.Duration, 0, rounds*len(questions))
	for round := range rounds + 1 {
		for _, q := range questions {
			start := time.Now()
			n, err := ask(ctx, q)
			if err != nil {
				return fmt.Errorf("ask %q: %w", q, err)
			}
			if round == 0 {
				if n > 0 {
					res.Answered++
				}
				continue
			}
			lat = append(lat, time.Since(start))
		}
	}
	slices.Sort(lat)
	res.AskP50 = percentile(lat, 0.50)
	res.AskP99 = percentile(lat, 0.99)
	return nil
}

// perSecond is the rate of n items in d; 0 when d is not positive (JSON
// has no infinity).
func perSecond(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// percentile returns the q-quantile of sorted durations.
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// peakRSS reads the process's peak resident set size (VmHWM) in bytes; 0
// where /proc is not available.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}

// cpuTime is the CPU time (user+system) this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// dirSize is the total size of the regular files under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("index size: %w", err)
	}
	return n, nil
}

// writeTable writes the results side by side, with newsdesk's build
// speed relative to the baseline's.
func writeTable(w io.Writer, rep Report) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "paragraphs\tside\tbuild\tbuilds\tparagraphs/s\tvs baseline\tbuild CPU\tvs baseline (CPU)\task p50\task p99\tanswered\tpeak RSS\tindex size\t")
	type base struct{ wall, cpu time.Duration }
	bases := map[int]base{}
	for _, r := range rep.Results {
		if r.Side == SideBaseline {
			bases[r.Paragraphs] = base{r.Build, r.BuildCPU}
		}
	}
	for _, r := range rep.Results {
		ratio, cpuRatio := "-", "-"
		if b, ok := bases[r.Paragraphs]; ok && r.Side != SideBaseline {
			if r.Build > 0 {
				ratio = fmt.Sprintf("%.2f×", b.wall.Seconds()/r.Build.Seconds())
			}
			if r.BuildCPU > 0 {
				cpuRatio = fmt.Sprintf("%.2f×", b.cpu.Seconds()/r.BuildCPU.Seconds())
			}
		}
		builds := "1"
		if r.Runs > 1 {
			builds = fmt.Sprintf("%d: %s–%s", r.Runs, r.BuildMin.Round(10*time.Millisecond), r.BuildMax.Round(10*time.Millisecond))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%.0f\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t\n", r.Paragraphs, r.Side, r.Build.Round(time.Millisecond),
			builds, r.ParagraphsPerSec, ratio, r.BuildCPU.Round(time.Millisecond), cpuRatio, r.AskP50.Round(10*time.Microsecond), r.AskP99.Round(10*time.Microsecond),
			r.Answered, mib(r.PeakRSS), mib(r.IndexBytes))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(rep.Results) > 0 && rep.Results[0].Runs > 1 {
		fmt.Fprintf(&buf, "times are medians of %d runs per side, the sides alternating; builds: runs, fastest–slowest\n", rep.Results[0].Runs)
	}
	for _, r := range rep.Results {
		if r.Note != "" {
			fmt.Fprintf(&buf, "note (%s, %d): %s\n", r.Side, r.Paragraphs, r.Note)
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
