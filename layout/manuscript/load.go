package manuscript

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/layout"
)

// KindInput is the kind of a Warning about the inputs themselves: a file
// left out, a plan not used.
const KindInput = "input"

// LoadOptions are the settings of Load, as a command line gives them.
type LoadOptions struct {
	// Plan is an edition plan file; "" looks for one among the inputs.
	Plan string
	// Format is a paper preset (对开/broadsheet, 四开/tabloid, A3) that
	// replaces the plan's whole page format: its preset, paper, margins,
	// type area and grid.
	Format string
	// FixPunct converts half-width punctuation between CJK characters (see
	// Options).
	FixPunct bool
	// Stdin is read for the input "-"; nil is os.Stdin.
	Stdin io.Reader
}

// Input is an edition ready to be laid out.
type Input struct {
	Edition  *layout.Edition
	Fonts    *fonts.Set
	Warnings []Warning
	// Name is a base name for default output files: the plan's base name
	// without extension (its folder's name for plan.yaml), or the first
	// input's: "guancheng" for examples/guancheng/ or guancheng.txt.
	Name string
	// Date is the edition's date when the plan gives one as YYYY-MM-DD,
	// zero otherwise; writers use it for reproducible timestamps.
	Date time.Time
}

// isManuscript reports whether a file in a folder is a manuscript: it has
// a manuscript extension and is not one of the files a project folder holds
// for people (README, LICENSE, CHANGELOG).
func isManuscript(name string) bool {
	_, ok := formatOf(name)
	return ok && !forPeople(name)
}

// peopleFiles are the name stems (upper case) of files that describe a
// folder rather than hold copy: README.md, LICENSE.txt, CHANGELOG.md, …
var peopleFiles = []string{"README", "LICENSE", "LICENCE", "CHANGELOG"}

// forPeople reports whether a file name is one of peopleFiles,
// case-insensitively, followed by anything but a letter: README.md,
// readme.zh.md, LICENSE-CC.txt, but not Licensed-radio.md.
func forPeople(name string) bool {
	upper := strings.ToUpper(name)
	return slices.ContainsFunc(peopleFiles, func(p string) bool {
		rest, ok := strings.CutPrefix(upper, p)
		r, _ := utf8.DecodeRuneInString(rest)
		return ok && !unicode.IsLetter(r)
	})
}

// Load reads an edition from the inputs of a command line: manuscript
// files (.txt, .text, .md, .markdown, .xml, .nitf, or any other name, the
// format then found from the content), "-" for standard input, plan files
// (.yaml, .yml), and folders holding a plan and manuscripts.
//
// The plan is opt.Plan, or the one plan among the inputs (two are an
// error). The manuscripts are those the inputs name, a folder's in lexical
// order; a folder holding the plan gives the manuscripts the plan lists, in
// its order, and a manuscript there that the plan does not list is left
// out with a warning. A folder's README*, LICENSE*, LICENCE* and
// CHANGELOG* files (in any case) are not manuscripts and are skipped
// silently; named as inputs or listed by the plan, they are read.
// With no manuscript among the inputs, the plan's list, or else its
// folder's manuscripts, are used.
//
// Article IDs must be unique across the edition. Every input error is an
// *Error naming the file (several are joined with errors.Join), so
// errors.As(err, new(*Error)) tells input errors from others.
func Load(inputs []string, opt LoadOptions) (*Input, error) {
	l := &loader{opt: opt}
	return l.load(inputs)
}

type loader struct {
	opt   LoadOptions
	warns []Warning
}

// stdinName names standard input in messages and article IDs (stdin-1, …).
const stdinName = "stdin"

// file is a manuscript to read.
type file struct {
	name  string
	stdin bool
}

// entry is one input: a manuscript file, standard input, or a folder.
type entry struct {
	path   string
	stdin  bool
	folder bool
	files  []string // a folder's manuscripts, lexical
	plans  []string // a folder's plans
}

func (l *loader) warn(file string, line int, format string, args ...any) {
	l.warns = append(l.warns, Warning{File: file, Line: line, Kind: KindInput, Msg: fmt.Sprintf(format, args...)})
}

// readError is an *Error for a file that cannot be read.
func readError(name string, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return errorf(name, 0, "cannot read: %v", err)
}

// scan lists a folder's plans and manuscripts, each in lexical order.
// Hidden files, subfolders and files for people (README.md, …) are
// skipped.
func scan(dir string) (plans, files []string, err error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, readError(dir, err)
	}
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		switch p := filepath.Join(dir, name); {
		case hasPlanExt(name):
			plans = append(plans, p)
		case isManuscript(name):
			files = append(files, p)
		}
	}
	return plans, files, nil // ReadDir sorts by name
}

func sameFile(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

func (l *loader) load(inputs []string) (*Input, error) {
	// The inputs.
	var entries []*entry
	var planFiles []string // plan files named as inputs
	stdin := false
	for _, in := range inputs {
		if in == "-" {
			if stdin {
				return nil, errorf(stdinName, 0, "standard input (-) is named twice")
			}
			stdin = true
			entries = append(entries, &entry{path: stdinName, stdin: true})
			continue
		}
		fi, err := os.Stat(in)
		if err != nil {
			return nil, readError(in, err)
		}
		switch {
		case fi.IsDir():
			plans, files, err := scan(in)
			if err != nil {
				return nil, err
			}
			entries = append(entries, &entry{path: in, folder: true, files: files, plans: plans})
		case hasPlanExt(in):
			planFiles = append(planFiles, in)
		default:
			entries = append(entries, &entry{path: in})
		}
	}

	// The plan.
	planPath, planFolder, err := l.choosePlan(entries, planFiles)
	if err != nil {
		return nil, err
	}
	var plan *Plan
	if planPath != "" {
		data, err := os.ReadFile(planPath)
		if err != nil {
			return nil, readError(planPath, err)
		}
		if plan, err = ParsePlan(planPath, data); err != nil {
			return nil, err
		}
	}
	format := layout.Tabloid()
	if l.opt.Format != "" {
		f, err := Preset(l.opt.Format)
		if err != nil {
			return nil, errorf("--format", 0, "%v", err)
		}
		format = f
		if plan != nil {
			plan.Format = f
		}
	}

	// The manuscripts.
	files, err := l.manuscripts(entries, plan, planFolder)
	if err != nil {
		return nil, err
	}
	var arts []*Article
	var errs []error
	for _, f := range files {
		as, err := l.parse(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, as...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := uniqueIDs(arts); err != nil {
		return nil, err
	}

	// The edition and its fonts.
	in := &Input{Warnings: l.warns, Name: l.name(inputs, planPath)}
	las := Articles(arts)
	if plan != nil {
		if in.Edition, err = plan.Edition(las); err != nil {
			return nil, err
		}
		if in.Fonts, err = plan.Fonts(""); err != nil {
			return nil, err
		}
		in.Date = plan.Day
		return in, nil
	}
	in.Edition = &layout.Edition{Format: format, Style: layout.DefaultStyle(), Articles: las}
	if in.Fonts, err = fonts.Default(); err != nil {
		return nil, err
	}
	return in, nil
}

// choosePlan finds the plan: opt.Plan, or the one among the inputs. It
// returns its path and the input folder that holds it, if any.
func (l *loader) choosePlan(entries []*entry, planFiles []string) (string, *entry, error) {
	var found []string
	var folder *entry
	for _, e := range entries {
		if len(e.plans) > 1 {
			return "", nil, errorf(e.path, 0, "the folder holds %d plans (%s); keep one, or name it with --plan",
				len(e.plans), strings.Join(baseNames(e.plans), ", "))
		}
		if len(e.plans) == 1 {
			found = append(found, e.plans[0])
			folder = e
		}
	}
	if p := l.opt.Plan; p != "" {
		for _, f := range planFiles {
			if !sameFile(f, p) {
				return "", nil, errorf(f, 0, "two plans: --plan %s and this one; give one", p)
			}
		}
		for _, f := range found {
			if !sameFile(f, p) {
				l.warn(f, 0, "plan not used: --plan %s is", p)
			}
		}
		for _, e := range entries {
			if e.folder && sameFile(e.path, filepath.Dir(p)) {
				return p, e, nil
			}
		}
		return p, nil, nil
	}
	var all []string // without repeats: a plan file named inside its folder
	for _, f := range append(slices.Clone(planFiles), found...) {
		if !slices.ContainsFunc(all, func(g string) bool { return sameFile(f, g) }) {
			all = append(all, f)
		}
	}
	switch len(all) {
	case 0:
		return "", nil, nil
	case 1:
		if len(planFiles) == 1 {
			folder = nil
			for _, e := range entries {
				if e.folder && sameFile(e.path, filepath.Dir(planFiles[0])) {
					folder = e
				}
			}
		}
		return all[0], folder, nil
	}
	return "", nil, errorf(all[1], 0, "a second plan (the first is %s); give one, or choose with --plan", all[0])
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// manuscripts lists the manuscript files to read, in order. planFolder is
// the input folder holding the plan, if any.
func (l *loader) manuscripts(entries []*entry, plan *Plan, planFolder *entry) ([]file, error) {
	var files []file
	listUsed := false
	add := func(names ...string) {
		for _, n := range names {
			files = append(files, file{name: n})
		}
	}
	for _, e := range entries {
		switch {
		case e.stdin:
			files = append(files, file{name: stdinName, stdin: true})
		case !e.folder:
			add(e.path)
		case e == planFolder && plan != nil && len(plan.Manuscripts) > 0:
			listed, err := l.listed(plan, e.files)
			if err != nil {
				return nil, err
			}
			listUsed = true
			add(listed...)
		default:
			if len(e.files) == 0 && e != planFolder {
				return nil, errorf(e.path, 0, "the folder holds no manuscripts (%s)", manuscriptExts())
			}
			add(e.files...)
		}
	}
	if len(files) == 0 && plan != nil {
		dir := filepath.Dir(plan.File)
		_, inDir, err := scan(dir)
		if err != nil {
			return nil, err
		}
		if len(plan.Manuscripts) > 0 {
			listed, err := l.listed(plan, inDir)
			if err != nil {
				return nil, err
			}
			listUsed = true
			add(listed...)
		} else {
			add(inDir...)
		}
	}
	if plan != nil && len(plan.Manuscripts) > 0 && !listUsed {
		l.warn(plan.File, plan.ManuscriptLine(0), "the plan's manuscripts are not used: the inputs name their own")
	}
	if len(files) == 0 {
		where := "the inputs"
		if plan != nil {
			where = plan.File
		}
		return nil, errorf(where, 0, "no manuscripts to set (give files, a folder, or list them in the plan under manuscripts:)")
	}
	// The same file twice would only make duplicate IDs.
	seen := map[string]string{}
	for _, f := range files {
		abs := "-"
		if !f.stdin {
			abs, _ = filepath.Abs(f.name)
		}
		if first, dup := seen[abs]; dup {
			return nil, errorf(f.name, 0, "manuscript given twice (also as %s)", first)
		}
		seen[abs] = f.name
	}
	return files, nil
}

// listed resolves the plan's manuscripts against its folder, checks that
// they exist, and warns about the manuscripts in the folder (inDir) that
// the plan does not list.
func (l *loader) listed(plan *Plan, inDir []string) ([]string, error) {
	dir := filepath.Dir(plan.File)
	var out []string
	var errs []error
	for i, m := range plan.Manuscripts {
		p := m
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, m)
		}
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			errs = append(errs, errorf(plan.File, plan.ManuscriptLine(i), "manuscript %s (%s) does not exist", m, p))
		case fi.IsDir():
			errs = append(errs, errorf(plan.File, plan.ManuscriptLine(i), "manuscript %s is a folder; list its files", m))
		}
		out = append(out, p)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, f := range inDir {
		if !slices.ContainsFunc(out, func(p string) bool { return sameFile(p, f) }) {
			l.warn(f, 0, "left out: the plan %s does not list it under manuscripts:", plan.File)
		}
	}
	return out, nil
}

// parse reads and parses one manuscript file.
func (l *loader) parse(f file) ([]*Article, error) {
	name := f.name
	var data []byte
	var err error
	if f.stdin {
		r := l.opt.Stdin
		if r == nil {
			r = os.Stdin
		}
		data, err = io.ReadAll(r)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, readError(name, err)
	}
	as, ws, err := Parse(name, data, Options{FixPunct: l.opt.FixPunct})
	if err != nil {
		return nil, err
	}
	l.warns = append(l.warns, ws...)
	return as, nil
}

// uniqueIDs refuses two articles with one ID, naming both.
func uniqueIDs(arts []*Article) error {
	first := map[string]*Article{}
	var errs []error
	for _, a := range arts {
		if b, dup := first[a.ID]; dup {
			file, line := splitSource(a.Source)
			errs = append(errs, errorf(file, line, "article ID %q is also the ID of the article at %s; IDs must be unique in an edition (set id: in a Markdown front matter, or rename a file)",
				a.ID, b.Source))
			continue
		}
		first[a.ID] = a
	}
	return errors.Join(errs...)
}

// splitSource splits an Article.Source "file:line".
func splitSource(src string) (string, int) {
	line := sourceLine(src)
	if line == 0 {
		return src, 0
	}
	return src[:strings.LastIndexByte(src, ':')], line
}

// name is the base name for output files.
func (l *loader) name(inputs []string, plan string) string {
	stem := func(p string) string {
		b := filepath.Base(p)
		return strings.TrimSuffix(b, filepath.Ext(b))
	}
	folder := func(p string) string {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		return filepath.Base(p)
	}
	if len(inputs) > 0 && inputs[0] != "-" {
		if fi, err := os.Stat(inputs[0]); err == nil && fi.IsDir() {
			return folder(inputs[0])
		}
	}
	if plan != "" {
		if s := stem(plan); !strings.EqualFold(s, "plan") {
			return s
		}
		return folder(filepath.Dir(plan))
	}
	if len(inputs) == 0 || inputs[0] == "-" {
		return stdinName
	}
	return stem(inputs[0])
}
