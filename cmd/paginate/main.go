// Command paginate sets Chinese news copy into newspaper pages and writes
// print-ready PDF, PNG proofs or the display list as JSON.
//
//	paginate [flags] INPUT...
//
// INPUT is manuscript files (.txt plain copy, .md Markdown with front
// matter, .xml NITF), an edition plan (.yaml), a folder holding them, or -
// for standard input. Exit status: 0 ok, 1 usage, 2 input error (a file
// that cannot be read, decoded or parsed; a plan that cannot be carried
// out), 3 layout error (text that does not fit, a character no font has).
//
// It only wires packages together; the typography lives in typeset and
// layout.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/banmian/banmian/internal/errs"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/internal/atomicfile"
	"github.com/banmian/banmian/layout"
	"github.com/banmian/banmian/layout/manuscript"
	"github.com/banmian/banmian/layout/pdf"
	"github.com/banmian/banmian/layout/raster"
)

// Exit statuses.
const (
	exitOK     = 0
	exitUsage  = 1
	exitInput  = 2
	exitLayout = 3
)

const usage = `usage: paginate [flags] INPUT...

INPUT is manuscript files (.txt or .text plain copy, .md or .markdown,
.xml or .nitf NITF), an edition plan (.yaml), a folder holding them, or -
for standard input.

flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

type options struct {
	out, plan, format, pngDir string
	dpi                       float64
	check, json, listFonts    bool
	quiet, verbose            bool
	fixPunct, overset         bool
}

// run is the whole command, testable: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("paginate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.out, "o", "", "output PDF `file` (default: named after the input)")
	fs.StringVar(&o.plan, "plan", "", "the edition plan (`plan.yaml`)")
	fs.StringVar(&o.format, "format", "", "paper format preset: tabloid (四开), broadsheet (对开) or a3")
	fs.StringVar(&o.pngDir, "png", "", "also write a PNG proof of each page into `dir`")
	fs.Float64Var(&o.dpi, "dpi", 100, "resolution of the PNG proofs")
	fs.BoolVar(&o.check, "check", false, "lay out and report problems without writing anything")
	fs.BoolVar(&o.json, "json", false, "write the display list as JSON to standard output instead of a PDF")
	fs.BoolVar(&o.listFonts, "fonts", false, "list the faces each role would use and how much of the input each covers")
	fs.BoolVar(&o.quiet, "q", false, "quiet: errors only")
	fs.BoolVar(&o.verbose, "v", false, "verbose: say what is done")
	fs.BoolVar(&o.fixPunct, "fix-punct", false, "convert half-width ,;:?! between Chinese characters to full width")
	fs.BoolVar(&o.overset, "overset", false, "mark text that does not fit on its block instead of failing")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nexit status: 0 ok, 1 usage, 2 input error, 3 layout error (overflow, missing glyph)\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "paginate: no input given")
		fs.Usage()
		return exitUsage
	}
	switch {
	case o.quiet && o.verbose:
		fmt.Fprintln(stderr, "paginate: -q and -v contradict each other")
		return exitUsage
	case o.dpi < 10 || o.dpi > 600:
		fmt.Fprintf(stderr, "paginate: --dpi %v is outside 10–600\n", o.dpi)
		return exitUsage
	case o.check && (o.json || o.listFonts || o.out != "" || o.pngDir != ""):
		fmt.Fprintln(stderr, "paginate: --check writes nothing; drop -o, --png, --json and --fonts")
		return exitUsage
	case (o.json || o.listFonts) && (o.out != "" || o.pngDir != ""):
		fmt.Fprintln(stderr, "paginate: --json and --fonts write to standard output; drop -o and --png")
		return exitUsage
	case o.json && o.listFonts:
		fmt.Fprintln(stderr, "paginate: choose one of --json and --fonts")
		return exitUsage
	}
	if o.format != "" {
		if _, err := manuscript.Preset(o.format); err != nil {
			fmt.Fprintf(stderr, "paginate: --format: %v\n", err)
			return exitUsage
		}
	}
	if err := notAnInput(o.out, inputs, o.plan); err != nil {
		fmt.Fprintf(stderr, "paginate: -o %s: %v\n", o.out, err)
		return exitUsage
	}
	c := &cli{o: o, stdout: stdout, stderr: stderr}
	return c.run(inputs, stdin)
}

type cli struct {
	o              options
	stdout, stderr io.Writer
}

func (c *cli) logf(format string, a ...any) {
	if c.o.verbose {
		fmt.Fprintf(c.stderr, format+"\n", a...)
	}
}

func (c *cli) warnf(format string, a ...any) {
	if !c.o.quiet {
		fmt.Fprintf(c.stderr, "warning: "+format+"\n", a...)
	}
}

func (c *cli) fail(code int, err error) int {
	for _, e := range errs.Split(err) {
		fmt.Fprintf(c.stderr, "paginate: %v\n", e)
	}
	return code
}

// layoutStatus is the exit status for an error from layout.Layout: text
// that does not fit (more copy than its blocks hold, a block too small for
// its headline or its 转版 stamp) and characters no font has are layout
// errors; a plan that cannot be carried out is the input's fault.
func layoutStatus(err error) int {
	var of *layout.OverflowError
	var fe *layout.FitError
	var mg *fonts.MissingGlyphError
	if errors.As(err, &of) || errors.As(err, &fe) || errors.As(err, &mg) {
		return exitLayout
	}
	return exitInput
}

func (c *cli) run(inputs []string, stdin io.Reader) int {
	in, err := manuscript.Load(inputs, manuscript.LoadOptions{
		Plan: c.o.plan, Format: c.o.format, FixPunct: c.o.fixPunct, Stdin: stdin,
	})
	if err != nil {
		return c.fail(exitInput, err)
	}
	c.manuscriptWarnings(in.Warnings)
	ed := in.Edition
	c.logf("%d articles, %d characters", len(ed.Articles), chars(ed))

	if c.o.listFonts {
		c.fonts(in)
		return exitOK
	}

	pages, err := layout.Layout(ed, in.Fonts, layout.Options{
		Overset: c.o.overset,
		Warn:    func(w layout.Warning) { c.warnf("%s", w) },
	})
	if err != nil {
		return c.fail(layoutStatus(err), err)
	}
	c.logf("%d pages", len(pages))
	if c.o.check {
		if !c.o.quiet {
			fmt.Fprintf(c.stdout, "ok: %d articles on %d pages\n", len(ed.Articles), len(pages))
		}
		return exitOK
	}
	if c.o.json {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", " ")
		if err := enc.Encode(pages); err != nil {
			return c.fail(exitInput, err)
		}
		return exitOK
	}

	out := c.o.out
	if out == "" {
		out = in.Name + ".pdf"
	}
	var files atomicfile.Set
	defer files.Discard()
	var buf bytes.Buffer
	created, err := creationDate(in)
	if err != nil {
		return c.fail(exitInput, err)
	}
	if err := pdf.Write(&buf, pages, pdf.Options{Title: title(in), Created: created}); err != nil {
		return c.fail(layoutStatus(err), err)
	}
	if err := files.Add(out, buf.Bytes()); err != nil {
		return c.fail(exitInput, err)
	}
	if c.o.pngDir != "" {
		if _, err := os.Stat(c.o.pngDir); os.IsNotExist(err) {
			// A folder made for this run goes again if the run fails.
			defer func() {
				if !files.Committed() {
					files.Discard()
					os.Remove(c.o.pngDir)
				}
			}()
		}
		if err := os.MkdirAll(c.o.pngDir, 0o755); err != nil {
			return c.fail(exitInput, err)
		}
		prog := newProgress(c.stderr, len(pages), c.o.quiet)
		for i := range pages {
			prog.step(i+1, "proof")
			var b bytes.Buffer
			if err := raster.WritePNG(&b, &pages[i], c.o.dpi); err != nil {
				return c.fail(exitLayout, err)
			}
			name := filepath.Join(c.o.pngDir, fmt.Sprintf("%s-%d.png", filepath.Base(in.Name), pages[i].Number))
			if err := files.Add(name, b.Bytes()); err != nil {
				return c.fail(exitInput, err)
			}
		}
		prog.done()
	}
	if err := files.Commit(); err != nil {
		return c.fail(exitInput, err)
	}
	for _, f := range files.Names {
		c.logf("wrote %s", f)
	}
	if !c.o.quiet && !c.o.verbose {
		fmt.Fprintf(c.stderr, "wrote %s (%d pages)\n", out, len(pages))
	}
	return exitOK
}

// manuscriptWarnings prints the parsers' warnings. Half-width punctuation
// is reported per paragraph, which on some copy is every paragraph: unless
// -v asks for each, it is summed up in one line per file.
func (c *cli) manuscriptWarnings(ws []manuscript.Warning) {
	type punct struct {
		first manuscript.Warning
		n     int
	}
	var files []string
	byFile := map[string]*punct{}
	for _, w := range ws {
		if w.Kind != manuscript.KindPunct || c.o.verbose {
			c.warnf("%s", w)
			continue
		}
		p := byFile[w.File]
		if p == nil {
			p = &punct{first: w}
			byFile[w.File] = p
			files = append(files, w.File)
		}
		p.n++
	}
	for _, f := range files {
		p := byFile[f]
		if c.o.fixPunct {
			c.warnf("%s: converted half-width ,;:?! between Chinese characters to full width in %d paragraphs, the first at line %d; -v lists them",
				f, p.n, p.first.Line)
			continue
		}
		c.warnf("%s: %d paragraphs have half-width ,;:?! between Chinese characters, the first at line %d; --fix-punct converts them, -v lists them",
			f, p.n, p.first.Line)
	}
}

func chars(ed *layout.Edition) int {
	n := 0
	for _, a := range ed.Articles {
		n += a.Chars()
	}
	return n
}

// notAnInput refuses an output path that would overwrite the copy or the
// plan: a PDF written over the night's manuscript is a loss nobody wants.
func notAnInput(out string, inputs []string, plan string) error {
	if out == "" {
		return nil
	}
	switch strings.ToLower(filepath.Ext(out)) {
	case ".txt", ".text", ".md", ".markdown", ".xml", ".nitf", ".yaml", ".yml":
		return fmt.Errorf("refusing to write a PDF to a file named like a manuscript or plan")
	}
	ost, err := os.Stat(out)
	if err != nil {
		return nil // a new file cannot be an input
	}
	if ost.IsDir() {
		return fmt.Errorf("is a folder")
	}
	for _, in := range append(inputs, plan) {
		if in == "" || in == "-" {
			continue
		}
		if ist, err := os.Stat(in); err == nil && os.SameFile(ost, ist) {
			return fmt.Errorf("is one of the inputs")
		}
	}
	return nil
}

// creationDate is the PDF's timestamp: SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention), else the plan's date, else a fixed one,
// so the same input always gives the same bytes.
func creationDate(in *manuscript.Input) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return in.Date, nil
}

func title(in *manuscript.Input) string {
	if in.Edition.Name != "" {
		return strings.TrimSpace(in.Edition.Name + " " + in.Edition.Date)
	}
	return filepath.Base(in.Name)
}

// fonts prints, for each role, the faces of its chain and how many of the
// input's distinct characters each would set.
func (c *cli) fonts(in *manuscript.Input) {
	need := map[rune]bool{}
	for _, a := range in.Edition.Articles {
		for _, s := range []string{a.Kicker, a.Headline, a.Subtitle, a.Dateline, a.Byline} {
			for _, r := range s {
				need[r] = true
			}
		}
		for _, p := range a.Body {
			for _, r := range p.Text {
				need[r] = true
			}
		}
	}
	var runes []rune
	for r := range need {
		if r > ' ' {
			runes = append(runes, r)
		}
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	fmt.Fprintf(c.stdout, "%d distinct characters in the input\n", len(runes))
	for _, role := range []fonts.Role{fonts.Song, fonts.Hei, fonts.Kai, fonts.Fangsong} {
		fmt.Fprintf(c.stdout, "%s:\n", role)
		left := runes
		for _, fam := range in.Fonts.Chain(role) {
			var rest []rune
			n := 0
			for _, r := range left {
				if fam.Regular.Has(r) {
					n++
				} else {
					rest = append(rest, r)
				}
			}
			bold := "bold synthesised"
			if fam.Bold != nil {
				bold = "bold: " + fam.Bold.Name()
			}
			fmt.Fprintf(c.stdout, "  %-28s %-10s %5d characters (%s)\n", fam.Regular.Name(), fam.Regular.Source(), n, bold)
			left = rest
		}
		if len(left) > 0 {
			var list []string
			for _, r := range left {
				list = append(list, fmt.Sprintf("%c U+%04X", r, r))
			}
			fmt.Fprintf(c.stdout, "  missing: %s\n", strings.Join(list, ", "))
		}
	}
}
