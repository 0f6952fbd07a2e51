package manuscript

import (
	"errors"
	"fmt"
	"github.com/banmian/banmian/internal/errs"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/layout"
	"github.com/banmian/banmian/typeset"
)

// Plan is an edition plan (版面计划) read from YAML by ParsePlan: the
// paper's format, grid, fonts and style, the date and the paper's name, the
// manuscripts, and the pages with their article blocks. PLAN.md is the
// reference of the file format.
type Plan struct {
	// File is the plan's path as given to ParsePlan; messages name it, and
	// the paths in the plan are relative to its folder.
	File string

	Name string    // the newspaper's name, for the 报眉
	Date string    // as printed, e.g. 2018年3月16日 星期五
	Day  time.Time // the date, when the plan gives it as YYYY-MM-DD; zero otherwise

	Format layout.Format // the preset, with the plan's paper, type area and grid
	Style  layout.Style  // DefaultStyle, with the plan's changes

	// Manuscripts are the manuscript files the plan lists, as written
	// (relative to the plan's folder); nil if it lists none.
	Manuscripts []string

	// Pages are the planned pages, each page's Number filled in (its
	// position from 1 when the plan gives none) and each block's Part
	// resolved. None: automatic flow.
	Pages    []layout.PagePlan
	AutoSpan int // automatic flow: columns per article; 0 is the full width

	fonts      []fontSpec
	formatLine int     // line of the first format key, for format errors
	msLines    []int   // line of each manuscript
	pagesLine  int     // line of pages
	pageLines  []int   // line of each page
	blockLines [][]int // line of each block, by page
	spanLine   int     // line of span
}

// fontSpec is a font role the plan names.
type fontSpec struct {
	role          fonts.Role
	regular, bold string
	line, boldLn  int
}

// ManuscriptLine is the plan line that lists manuscript i, for messages.
func (p *Plan) ManuscriptLine(i int) int {
	if i >= 0 && i < len(p.msLines) {
		return p.msLines[i]
	}
	return 0
}

// Preset returns a paper format by name: 对开 (broadsheet), 四开 (tabloid)
// or A3, case-insensitive.
func Preset(name string) (layout.Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "对开", "broadsheet":
		return layout.Broadsheet(), nil
	case "四开", "tabloid":
		return layout.Tabloid(), nil
	case "a3":
		return layout.A3(), nil
	}
	return layout.Format{}, fmt.Errorf("unknown paper format %q (want 对开/broadsheet, 四开/tabloid or A3)", name)
}

// The keys of each part of a plan, in the order suggestions prefer.
var (
	topKeys     = []string{"name", "date", "format", "paper", "margins", "type-area", "grid", "fonts", "style", "manuscripts", "span", "pages", "masthead"}
	paperKeys   = []string{"width", "height"}
	marginKeys  = []string{"top", "bottom", "left", "right"}
	gridKeys    = []string{"columns", "chars", "column-width", "gutter", "body", "pitch", "leading", "lines"}
	fontKeys    = []string{"regular", "bold"}
	pageKeys    = []string{"number", "name", "blocks"}
	blockKeys   = []string{"article", "continue", "part", "column", "span", "line", "lines", "head-span", "head-size", "frame"}
	facePartKey = []string{"kicker", "headline", "subtitle", "body", "dateline", "crosshead", "byline", "stamp"}
	styleKeys   = []string{
		"indent", "hanging-indent", "punctuation", "pairs", "positions", "kinsoku", "latin-space",
		"full-width-line-end", "full-width-line-start", "hang-punct", "breaking",
		"ladder", "steps", "head-align", "head-lines", "head-leading", "auto-head",
		"white-above", "white-between", "white-below",
		"faces", "numerals", "byline", "column-rules", "separators", "thin-rule", "thick-rule", "header",
		"body-size",
	}
)

// notYet are keys a plan may give that banmian does not carry out yet:
// refused with a clear message rather than ignored.
var notYet = map[string]string{
	"masthead": "the 报头 (masthead) of page 1 is not supported yet",
}

// maxCount bounds every count in a plan (columns, lines, page numbers …),
// far above any real page, so sums of them cannot overflow.
const maxCount = 100000

// A plan has at most maxPages pages and maxBlocks blocks, so that checking
// them stays fast whatever the file (YAML aliases can repeat a list many
// times in a few lines).
const (
	maxPages  = 1000
	maxBlocks = 5000
)

// ParsePlan reads an edition plan. name is used in messages and to resolve
// the plan's relative paths. The plan is strict: an unknown key, a value of
// the wrong kind or out of range is an *Error naming the file and line;
// several are joined with errors.Join.
func ParsePlan(name string, data []byte) (p *Plan, err error) {
	text, err := Decode(name, data)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(text))
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = errorf(name, 0, "cannot read YAML: %v", r)
			}
		}()
		err = dec.Decode(&doc)
		if err == nil {
			var more yaml.Node
			if e := dec.Decode(&more); e == nil {
				err = errorf(name, more.Line, "a plan is one YAML document; this is a second one (remove the --- line)")
			} else if !errors.Is(e, io.EOF) {
				err = e
			}
		}
	}()
	pp := &planParser{file: name, p: &Plan{File: name, Format: layout.Tabloid(), Style: layout.DefaultStyle()}}
	switch {
	case errors.Is(err, io.EOF):
		return pp.p, nil // empty: every default
	case err != nil:
		var e *Error
		if errors.As(err, &e) {
			return nil, e
		}
		return nil, yamlError(name, 0, "YAML", err)
	}
	root := resolve(&doc)
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = resolve(root.Content[0])
	}
	if isNull(root) {
		return pp.p, nil
	}
	pp.top(root)
	if pp.dropped > 0 {
		pp.errs = append(pp.errs, errorf(name, 0, "and %d more errors", pp.dropped))
	}
	if len(pp.errs) > 0 {
		return nil, errors.Join(pp.errs...)
	}
	return pp.p, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns an error of the YAML parser into an *Error "what: …"
// with its line in the file: YAML text that starts after line offset of
// the file (a Markdown front matter after its --- line) has its line n at
// n+offset. An error without a line is put at line offset.
func yamlError(name string, offset int, what string, err error) *Error {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return errorf(name, n+offset, "%s: %s", what, m[2])
	}
	return errorf(name, offset, "%s: %s", what, strings.TrimPrefix(msg, "yaml: "))
}

// planParser walks the YAML tree of a plan, collecting errors.
type planParser struct {
	file string
	p    *Plan
	errs []error

	fs      formatSpec
	dropped int // errors beyond maxErrors
}

// maxErrors is how many errors are reported of one plan.
const maxErrors = 50

func (pp *planParser) errorf(n *yaml.Node, format string, args ...any) {
	if len(pp.errs) >= maxErrors {
		pp.dropped++
		return
	}
	line := 0
	if n != nil {
		line = n.Line
	}
	pp.errs = append(pp.errs, errorf(pp.file, line, format, args...))
}

// resolve follows an alias to its node.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 10; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// describe names what a node holds, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	}
	return "an alias"
}

// where is a place in the plan, for messages: "" (the top level), "in
// grid", "in page 1 block 2".
func in(where string) string {
	if where == "" {
		return ""
	}
	return " in " + where
}

// mapping calls f for each key of the mapping n in order, refusing unknown
// and repeated keys and keys of features not supported yet.
func (pp *planParser) mapping(n *yaml.Node, where string, known []string, f func(key string, k, v *yaml.Node)) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		what := "the plan"
		if where != "" {
			what = where
		}
		pp.errorf(n, "%s: want \"key: value\" lines, have %s", what, describe(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			pp.errorf(k, "a key%s is %s; want a name", in(where), describe(k))
			continue
		}
		if first, dup := seen[key]; dup {
			pp.errorf(k, "key %q given twice%s (first at line %d)", key, in(where), first)
			continue
		}
		seen[key] = k.Line
		if msg, ok := notYet[key]; ok && slices.Contains(known, key) {
			pp.errorf(k, "%s: %s", key, msg)
			continue
		}
		if !slices.Contains(known, key) {
			pp.errorf(k, "unknown key %q%s%s", key, in(where), suggest(key, known))
			continue
		}
		f(key, k, v)
	}
}

// suggest is " (did you mean x?)" for the known key nearest to key, or
// the list of known keys.
func suggest(key string, known []string) string {
	best, dist := "", 1<<30
	for _, k := range known {
		if _, ok := notYet[k]; ok {
			continue
		}
		if d := editDistance(strings.ToLower(key), k); d < dist {
			best, dist = k, d
		}
	}
	if best != "" && dist <= max(1, len([]rune(best))/3) {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	var ks []string
	for _, k := range known {
		if _, ok := notYet[k]; !ok {
			ks = append(ks, k)
		}
	}
	return " (known keys: " + strings.Join(ks, ", ") + ")"
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Scalar values. Each reports its own error and returns ok false.

func (pp *planParser) scalar(v *yaml.Node, what string) (string, bool) {
	switch {
	case v.Kind != yaml.ScalarNode:
		pp.errorf(v, "%s: want a single value, have %s", what, describe(v))
		return "", false
	case v.Tag == "!!null":
		pp.errorf(v, "%s: no value", what)
		return "", false
	}
	for _, r := range v.Value {
		if badControl(r) {
			pp.errorf(v, "%s: control character U+%04X: not text (remove it)", what, r)
			return "", false
		}
	}
	return strings.TrimSpace(v.Value), true
}

// printed is text the page prints (the paper's name, the date, a page's
// name), its white space normalised as an article's is.
func (pp *planParser) printed(v *yaml.Node, what string) (string, bool) {
	s, ok := pp.text(v, what)
	return normSpace(s), ok
}

func (pp *planParser) text(v *yaml.Node, what string) (string, bool) {
	s, ok := pp.scalar(v, what)
	if ok && s == "" {
		pp.errorf(v, "%s: empty", what)
		return "", false
	}
	return s, ok
}

// count is a whole number from lo to maxCount.
func (pp *planParser) count(v *yaml.Node, what string, lo int) (int, bool) {
	s, ok := pp.scalar(v, what)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || v.Tag != "!!int" {
		pp.errorf(v, "%s: want a whole number, have %q", what, s)
		return 0, false
	}
	if n < lo {
		if lo == 0 {
			pp.errorf(v, "%s: %d is negative", what, n)
		} else {
			pp.errorf(v, "%s: %d; want at least %d", what, n, lo)
		}
		return 0, false
	}
	if n > maxCount {
		pp.errorf(v, "%s: %d is too large", what, n)
		return 0, false
	}
	return n, true
}

// number is a finite number that is not negative.
func (pp *planParser) number(v *yaml.Node, what string) (float64, bool) {
	s, ok := pp.scalar(v, what)
	if !ok {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || (v.Tag != "!!int" && v.Tag != "!!float") || math.IsNaN(x) || math.IsInf(x, 0) {
		pp.errorf(v, "%s: want a number, have %q", what, s)
		return 0, false
	}
	if x < 0 {
		pp.errorf(v, "%s: %s is negative", what, s)
		return 0, false
	}
	return x, true
}

func (pp *planParser) boolean(v *yaml.Node, what string) (bool, bool) {
	s, ok := pp.scalar(v, what)
	if !ok {
		return false, false
	}
	var b bool
	if v.Tag != "!!bool" || v.Decode(&b) != nil {
		pp.errorf(v, "%s: want true or false, have %q", what, s)
		return false, false
	}
	return b, true
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) && x < 1e7 }

// size is a type size: a 字号 name or a length; a bare number is points.
func (pp *planParser) size(v *yaml.Node, what string) (float64, bool) {
	s, ok := pp.scalar(v, what)
	if !ok {
		return 0, false
	}
	pt, err := layout.ParseSize(s)
	if err == nil && !finite(pt) {
		err = fmt.Errorf("size %q is out of range", s)
	}
	if err != nil {
		pp.errorf(v, "%s: %v", what, err)
		return 0, false
	}
	return pt, true
}

// length is a length with a unit (mm, cm, pt, in, q; em or 字 when em is
// not 0). A bare number is refused unless bare is not 0: then it counts
// bare points each (characters, for a gutter).
func (pp *planParser) length(v *yaml.Node, what string, em, bare float64) (float64, bool) {
	s, ok := pp.scalar(v, what)
	if !ok {
		return 0, false
	}
	if v.Tag == "!!int" || v.Tag == "!!float" {
		if bare == 0 {
			pp.errorf(v, "%s: %s needs a unit (mm, cm, pt, in%s)", what, s, map[bool]string{true: ", em or 字", false: ""}[em > 0])
			return 0, false
		}
		x, ok := pp.number(v, what)
		return x * bare, ok
	}
	pt, err := layout.ParseLength(s, em)
	if err == nil && !finite(pt) {
		err = fmt.Errorf("length %q is out of range", s)
	}
	if err != nil {
		pp.errorf(v, "%s: %v", what, err)
		return 0, false
	}
	return pt, true
}

// choice maps a value to one of several, by its names.
func (pp *planParser) choice(v *yaml.Node, what string, choices map[string]int, want string) (int, bool) {
	s, ok := pp.scalar(v, what)
	if !ok {
		return 0, false
	}
	c, ok := choices[strings.ToLower(s)]
	if !ok {
		pp.errorf(v, "%s: unknown value %q (want %s)", what, s, want)
	}
	return c, ok
}

// qty is a value of the format with the line it was given on.
type qty struct {
	v    float64
	line int
	set  bool
}

func (q *qty) put(v float64, n *yaml.Node, ok bool) {
	if ok {
		*q = qty{v: v, line: n.Line, set: true}
	}
}

// formatSpec is what the plan says of the page format.
type formatSpec struct {
	preset     *layout.Format
	presetLine int
	paperW, paperH,
	top, bottom, left, right,
	areaW, areaH,
	columns, chars, colW, gutter, gutterChars, body, pitch, leading, lines qty
	firstLine int // of any format key but the preset
}

func (pp *planParser) top(root *yaml.Node) {
	p := pp.p
	var pages, date, grid *yaml.Node // read after the rest
	pp.mapping(root, "", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			p.Name, _ = pp.printed(v, "name")
		case "date":
			date = v
		case "format":
			if s, ok := pp.text(v, "format"); ok {
				f, err := Preset(s)
				if err != nil {
					pp.errorf(v, "format: %v", err)
					return
				}
				pp.fs.preset, pp.fs.presetLine = &f, v.Line
			}
		case "paper":
			pp.formatKey(k)
			pp.mapping(v, "paper", paperKeys, func(key string, _, v *yaml.Node) {
				x, ok := pp.length(v, "paper "+key, 0, 0)
				if ok && x <= 0 {
					pp.errorf(v, "paper %s: must be more than 0", key)
					ok = false
				}
				map[string]*qty{"width": &pp.fs.paperW, "height": &pp.fs.paperH}[key].put(x, v, ok)
			})
		case "margins":
			pp.formatKey(k)
			pp.mapping(v, "margins", marginKeys, func(key string, _, v *yaml.Node) {
				x, ok := pp.length(v, "margin "+key, 0, 0)
				map[string]*qty{"top": &pp.fs.top, "bottom": &pp.fs.bottom, "left": &pp.fs.left, "right": &pp.fs.right}[key].put(x, v, ok)
			})
		case "type-area":
			pp.formatKey(k)
			pp.mapping(v, "type-area", paperKeys, func(key string, _, v *yaml.Node) {
				x, ok := pp.length(v, "type-area "+key, 0, 0)
				map[string]*qty{"width": &pp.fs.areaW, "height": &pp.fs.areaH}[key].put(x, v, ok)
			})
		case "grid":
			pp.formatKey(k)
			grid = v // after the preset, whose body size em and 字 are of
		case "fonts":
			pp.fonts(v)
		case "style":
			pp.style(v)
		case "manuscripts":
			pp.manuscripts(v)
		case "span":
			if n, ok := pp.count(v, "span", 1); ok {
				p.AutoSpan, p.spanLine = n, v.Line
			}
		case "pages":
			pages, p.pagesLine = v, k.Line
		}
	})
	if date != nil {
		pp.date(date)
	}
	if grid != nil {
		pp.grid(grid)
	}
	pp.format()
	if pages != nil {
		pp.pages(pages)
		if len(p.Pages) > 0 && p.spanLine > 0 {
			pp.errorf(&yaml.Node{Line: p.spanLine}, "span: is for automatic flow, and this plan has pages (give each block its span instead)")
		}
	}
}

func (pp *planParser) formatKey(k *yaml.Node) {
	if pp.fs.firstLine == 0 {
		pp.fs.firstLine = k.Line
	}
}

var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// date reads the date: YYYY-MM-DD becomes 2018年3月16日 星期五, anything
// else is printed as written.
func (pp *planParser) date(v *yaml.Node) {
	s, ok := pp.printed(v, "date")
	if !ok {
		return
	}
	if !isoDate.MatchString(s) {
		pp.p.Date = s
		return
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		pp.errorf(v, "date: %q is not a date", s)
		return
	}
	pp.p.Day = d
	pp.p.Date = ChineseDate(d)
}

// ChineseDate writes a date as a 报眉 does: 2018年3月16日 星期五.
func ChineseDate(d time.Time) string {
	week := [...]string{"日", "一", "二", "三", "四", "五", "六"}
	return fmt.Sprintf("%d年%d月%d日 星期%s", d.Year(), int(d.Month()), d.Day(), week[d.Weekday()])
}

func (pp *planParser) grid(v *yaml.Node) {
	f := &pp.fs
	// The body size first: lengths in em or 字 are of it.
	body := 0.0
	if v = resolve(v); v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			if resolve(v.Content[i]).Value == "body" {
				b := resolve(v.Content[i+1])
				x, ok := pp.size(b, "grid body")
				f.body.put(x, b, ok)
				body = x
			}
		}
	}
	if body == 0 {
		body = layout.Tabloid().BodySize
		if f.preset != nil {
			body = f.preset.BodySize
		}
	}
	pp.mapping(v, "grid", gridKeys, func(key string, _, v *yaml.Node) {
		what := "grid " + key
		switch key {
		case "columns":
			n, ok := pp.count(v, what, 1)
			f.columns.put(float64(n), v, ok)
		case "lines":
			n, ok := pp.count(v, what, 1)
			f.lines.put(float64(n), v, ok)
		case "chars":
			x, ok := pp.number(v, what)
			if ok && (x <= 0 || x > maxCount) {
				pp.errorf(v, "%s: %v characters; want more than 0", what, x)
				ok = false
			}
			f.chars.put(x, v, ok)
		case "column-width":
			x, ok := pp.length(v, what, body, 0)
			f.colW.put(x, v, ok)
		case "gutter":
			if v.Tag == "!!int" || v.Tag == "!!float" {
				x, ok := pp.number(v, what)
				f.gutterChars.put(x, v, ok)
				return
			}
			x, ok := pp.length(v, what, body, 0)
			f.gutter.put(x, v, ok)
		case "pitch":
			x, ok := pp.length(v, what, body, 0)
			f.pitch.put(x, v, ok)
		case "leading":
			x, ok := pp.length(v, what, body, 0)
			f.leading.put(x, v, ok)
		case "body": // read above
		}
	})
	if f.chars.set && f.colW.set {
		pp.errorf(&yaml.Node{Line: f.colW.line}, "grid: give chars or column-width, not both (chars at line %d)", f.chars.line)
	}
	if f.pitch.set && f.leading.set {
		pp.errorf(&yaml.Node{Line: f.leading.line}, "grid: give pitch or leading, not both (pitch at line %d)", f.pitch.line)
	}
}

// format builds the page format: the preset (四开 if none), changed by the
// plan's paper, margins, type area and grid.
func (pp *planParser) format() {
	f := &pp.fs
	line := f.firstLine
	if line == 0 {
		line = f.presetLine
	}
	pp.p.formatLine = line
	base := layout.Tabloid()
	if f.preset != nil {
		base = *f.preset
	}
	if f.firstLine == 0 {
		pp.p.Format = base
		return
	}
	bad := func(q qty, format string, args ...any) {
		pp.errorf(&yaml.Node{Line: q.line}, format, args...)
	}
	// The paper, and whether the type area of the preset is kept as the
	// default: yes, unless the plan gives paper but no preset.
	paperW, paperH := base.PaperW, base.PaperH
	if f.paperW.set {
		paperW = f.paperW.v
	}
	if f.paperH.set {
		paperH = f.paperH.v
	}
	inherit := f.preset != nil || (!f.paperW.set && !f.paperH.set)
	body := base.BodySize
	if f.body.set {
		body = f.body.v
	}
	pitch := base.Pitch / base.BodySize * body
	switch {
	case f.pitch.set:
		pitch = f.pitch.v
	case f.leading.set:
		pitch = body + f.leading.v
	}
	gutter := base.Gutter / base.BodySize * body
	switch {
	case f.gutter.set:
		gutter = f.gutter.v
	case f.gutterChars.set:
		gutter = f.gutterChars.v * body
	}
	cols := base.Columns
	if f.columns.set {
		cols = int(f.columns.v)
	}

	// Across: the width from the margins, the type area or the grid.
	var w float64
	byGrid := f.chars.set || f.colW.set
	switch {
	case f.left.set && f.right.set:
		w = paperW - f.left.v - f.right.v
		if f.areaW.set {
			bad(f.areaW, "type-area width: the margins left and right already set the width of the type area")
		}
		if byGrid {
			bad(later(f.chars, f.colW), "grid: the margins left and right set the width of the type area, and the columns divide it: leave out chars and column-width")
		}
	case f.areaW.set:
		w = f.areaW.v
		if byGrid {
			bad(later(f.chars, f.colW), "grid: the type-area width is given, and the columns divide it: leave out chars and column-width")
		}
	case f.chars.set:
		w = float64(cols)*f.chars.v*body + float64(cols-1)*gutter
	case f.colW.set:
		w = float64(cols)*f.colW.v + float64(cols-1)*gutter
	case inherit:
		w = base.TypeArea.W
	default:
		bad(later(f.paperW, f.paperH), "paper: with a paper size of your own, give the type area's width: grid chars or column-width, margins left and right, or type-area width")
	}
	x := (paperW - w) / 2
	switch {
	case f.left.set:
		x = f.left.v
	case f.right.set:
		x = paperW - f.right.v - w
	}

	// Down: the height from the margins, the type area or the lines.
	var h float64
	switch {
	case f.top.set && f.bottom.set:
		h = paperH - f.top.v - f.bottom.v
		if f.areaH.set {
			bad(f.areaH, "type-area height: the margins top and bottom already set the height of the type area")
		}
		if f.lines.set {
			bad(f.lines, "grid lines: the margins top and bottom set the height of the type area, and lines fill it: leave out lines")
		}
	case f.areaH.set:
		h = f.areaH.v
		if f.lines.set {
			bad(f.lines, "grid lines: the type-area height is given, and lines fill it: leave out lines")
		}
	case f.lines.set:
		h = f.lines.v*pitch - (pitch - body)
	case inherit:
		h = base.TypeArea.H
	default:
		bad(later(f.paperW, f.paperH), "paper: with a paper size of your own, give the type area's height: grid lines, margins top and bottom, or type-area height")
	}
	y := (paperH - h) / 2
	switch {
	case f.top.set:
		y = f.top.v
	case f.bottom.set:
		y = paperH - f.bottom.v - h
	}
	name := ""
	if f.preset != nil {
		name = f.preset.Name
	}
	pp.p.Format = layout.Format{
		Name: name, PaperW: paperW, PaperH: paperH,
		TypeArea: layout.Rect{X: x, Y: y, W: w, H: h},
		Columns:  cols, Gutter: gutter, BodySize: body, Pitch: pitch,
	}
	if len(pp.errs) == 0 {
		if err := pp.p.Format.Validate(); err != nil {
			pp.errorf(&yaml.Node{Line: line}, "%v", err)
		}
	}
}

// later is the one of two quantities given later in the plan.
func later(a, b qty) qty {
	if a.line >= b.line {
		return a
	}
	return b
}

func (pp *planParser) fonts(v *yaml.Node) {
	seen := map[fonts.Role]int{}
	v = resolve(v)
	if v.Kind != yaml.MappingNode {
		pp.errorf(v, "fonts: want role: font lines (song, hei, kai, fangsong), have %s", describe(v))
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := resolve(v.Content[i]), resolve(v.Content[i+1])
		role, err := fonts.ParseRole(k.Value)
		if err != nil || k.Kind != yaml.ScalarNode {
			pp.errorf(k, "unknown key %q in fonts%s", k.Value, suggest(k.Value, []string{"song", "hei", "kai", "fangsong"}))
			continue
		}
		if first, dup := seen[role]; dup {
			pp.errorf(k, "fonts: the %s font is given twice (first at line %d)", role, first)
			continue
		}
		seen[role] = k.Line
		spec := fontSpec{role: role, line: val.Line}
		what := "fonts " + role.String()
		if val.Kind == yaml.MappingNode {
			pp.mapping(val, what, fontKeys, func(key string, _, v *yaml.Node) {
				s, ok := pp.text(v, what+" "+key)
				if !ok {
					return
				}
				if key == "regular" {
					spec.regular, spec.line = s, v.Line
				} else {
					spec.bold, spec.boldLn = s, v.Line
				}
			})
			if spec.regular == "" && spec.bold != "" {
				pp.errorf(val, "%s: a bold face needs a regular one", what)
				continue
			}
		} else if s, ok := pp.text(val, what); ok {
			spec.regular = s
		}
		if spec.regular != "" {
			pp.p.fonts = append(pp.p.fonts, spec)
		}
	}
}

func (pp *planParser) manuscripts(v *yaml.Node) {
	v = resolve(v)
	if v.Kind != yaml.SequenceNode {
		pp.errorf(v, "manuscripts: want a list of files (- name.txt lines), have %s", describe(v))
		return
	}
	seen := map[string]int{}
	for _, n := range v.Content {
		n = resolve(n)
		s, ok := pp.text(n, "manuscripts")
		if !ok {
			continue
		}
		c := filepath.Clean(s)
		if first, dup := seen[c]; dup {
			pp.errorf(n, "manuscripts: %s is listed twice (first at line %d)", s, first)
			continue
		}
		seen[c] = n.Line
		pp.p.Manuscripts = append(pp.p.Manuscripts, s)
		pp.p.msLines = append(pp.p.msLines, n.Line)
	}
}

var (
	punctuations = map[string]int{"quanjiao": int(typeset.Quanjiao), "全角": int(typeset.Quanjiao), "full": int(typeset.Quanjiao),
		"kaiming": int(typeset.Kaiming), "开明": int(typeset.Kaiming),
		"banjiao": int(typeset.Banjiao), "半角": int(typeset.Banjiao), "half": int(typeset.Banjiao)}
	pairsChoices = map[string]int{"1.5": int(typeset.PairsOneAndHalf), "1": int(typeset.PairsOne)}
	positions    = map[string]int{"gb": int(typeset.PositionsGB), "mainland": int(typeset.PositionsGB), "大陆": int(typeset.PositionsGB),
		"centered": int(typeset.PositionsCentered), "centred": int(typeset.PositionsCentered), "居中": int(typeset.PositionsCentered)}
	kinsokus = map[string]int{"gb": int(typeset.KinsokuGB), "gb法": int(typeset.KinsokuGB),
		"basic": int(typeset.KinsokuBasic), "基本": int(typeset.KinsokuBasic), "基本处理": int(typeset.KinsokuBasic),
		"strict": int(typeset.KinsokuStrict), "严格": int(typeset.KinsokuStrict), "严格处理": int(typeset.KinsokuStrict),
		"none": int(typeset.KinsokuNone), "不处理": int(typeset.KinsokuNone)}
	breakings = map[string]int{"total-fit": int(typeset.TotalFit), "knuth-plass": int(typeset.TotalFit), "greedy": int(typeset.Greedy)}
	aligns    = map[string]int{"center": int(typeset.Center), "centre": int(typeset.Center), "居中": int(typeset.Center),
		"left": int(typeset.Left), "居左": int(typeset.Left), "right": -1, "居右": -1}
	numerals = map[string]int{"chinese": int(layout.Chinese), "中文": int(layout.Chinese), "汉字": int(layout.Chinese),
		"arabic": int(layout.Arabic), "阿拉伯": int(layout.Arabic), "阿拉伯数字": int(layout.Arabic)}
	bylines = map[string]int{"end": int(layout.BylineEnd), "文末": int(layout.BylineEnd),
		"after-dateline": int(layout.BylineAfterDateline), "电头后": int(layout.BylineAfterDateline)}
)

func (pp *planParser) style(v *yaml.Node) {
	st := &pp.p.Style
	b := &st.Body
	pp.mapping(v, "style", styleKeys, func(key string, _, v *yaml.Node) {
		what := "style " + key
		num := func(dst *float64) {
			if x, ok := pp.number(v, what); ok {
				*dst = x
			}
		}
		flag := func(dst *bool) {
			if x, ok := pp.boolean(v, what); ok {
				*dst = x
			}
		}
		pick := func(choices map[string]int, want string, set func(int)) {
			if c, ok := pp.choice(v, what, choices, want); ok {
				set(c)
			}
		}
		switch key {
		case "indent":
			num(&b.Indent)
		case "hanging-indent":
			num(&b.HangingIndent)
		case "punctuation":
			pick(punctuations, "quanjiao/全角, kaiming/开明 or banjiao/半角", func(c int) { b.Punctuation = typeset.Punctuation(c) })
		case "pairs":
			pick(pairsChoices, "1.5 or 1 (em for two adjacent marks)", func(c int) { b.Pairs = typeset.Pairs(c) })
		case "positions":
			pick(positions, "gb or centered", func(c int) { b.Positions = typeset.Positions(c) })
		case "kinsoku":
			pick(kinsokus, "gb, basic/基本, strict/严格 or none/不处理", func(c int) { b.Kinsoku = typeset.Kinsoku(c) })
		case "latin-space":
			if s, _ := pp.scalar(v, what); strings.EqualFold(s, "none") || s == "0" {
				b.LatinSpace = typeset.NoLatinSpace
				return
			}
			num(&b.LatinSpace)
		case "full-width-line-end":
			flag(&b.FullWidthLineEnd)
		case "full-width-line-start":
			flag(&b.FullWidthLineStart)
		case "hang-punct":
			flag(&b.HangPunct)
		case "breaking":
			pick(breakings, "total-fit or greedy", func(c int) { b.Breaking = typeset.Breaking(c) })
		case "ladder":
			pp.ladder(v)
		case "steps":
			if n, ok := pp.count(v, what, 0); ok {
				st.Steps = n
			}
		case "head-align":
			pick(aligns, "center/居中 or left/居左", func(c int) {
				if c < 0 {
					pp.errorf(v, "%s: right-aligned headlines are not supported yet (want center or left)", what)
					return
				}
				st.HeadAlign = typeset.Align(c)
			})
		case "head-lines":
			if n, ok := pp.count(v, what, 0); ok {
				st.HeadLines = n
			}
		case "head-leading":
			num(&st.HeadLeading)
		case "auto-head":
			if s, _ := pp.scalar(v, what); strings.EqualFold(s, "none") || s == "0" {
				st.AutoHead = 0
				return
			}
			if x, ok := pp.size(v, what); ok {
				st.AutoHead = x
			}
		case "white-above":
			num(&st.WhiteAbove)
		case "white-between":
			num(&st.WhiteBetween)
		case "white-below":
			num(&st.WhiteBelow)
		case "faces":
			pp.faces(v)
		case "numerals":
			pick(numerals, "chinese/中文 or arabic/阿拉伯", func(c int) { st.Numerals = layout.Numerals(c) })
		case "byline":
			pick(bylines, "end/文末 or after-dateline/电头后", func(c int) { st.Byline = layout.BylinePlacement(c) })
		case "column-rules":
			flag(&st.ColumnRules)
		case "separators":
			flag(&st.Separators)
		case "header":
			flag(&st.Header)
		case "thin-rule":
			if x, ok := pp.size(v, what); ok {
				st.ThinRule = x
			}
		case "thick-rule":
			if x, ok := pp.size(v, what); ok {
				st.ThickRule = x
			}
		case "body-size":
			pp.errorf(v, "style body-size: the body size is set in grid: body (the grid is built from it)")
		}
	})
}

func (pp *planParser) ladder(v *yaml.Node) {
	v = resolve(v)
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		pp.errorf(v, "style ladder: want a list of sizes, largest first (e.g. [初号, 小初, 一号]), have %s", describe(v))
		return
	}
	var ladder []float64
	ok := true
	for i, n := range v.Content {
		n = resolve(n)
		x, good := pp.size(n, "style ladder")
		if !good {
			ok = false
			continue
		}
		if i > 0 && len(ladder) > 0 && x >= ladder[len(ladder)-1] {
			pp.errorf(n, "style ladder: %s is not smaller than the size before it; list sizes largest first", n.Value)
			ok = false
		}
		ladder = append(ladder, x)
	}
	if ok {
		pp.p.Style.Ladder = ladder
	}
}

func (pp *planParser) faces(v *yaml.Node) {
	f := &pp.p.Style.Faces
	parts := map[string]*layout.Face{
		"kicker": &f.Kicker, "headline": &f.Headline, "subtitle": &f.Subtitle, "body": &f.Body,
		"dateline": &f.Dateline, "crosshead": &f.Crosshead, "byline": &f.Byline, "stamp": &f.Stamp,
	}
	pp.mapping(v, "style faces", facePartKey, func(key string, _, v *yaml.Node) {
		what := "style faces " + key
		s, ok := pp.text(v, what)
		if !ok {
			return
		}
		words := strings.Fields(s)
		role, err := fonts.ParseRole(words[0])
		if err != nil {
			pp.errorf(v, "%s: %v", what, err)
			return
		}
		face := layout.Face{Role: role}
		for _, w := range words[1:] {
			switch strings.ToLower(w) {
			case "bold", "粗", "粗体":
				face.Bold = true
			case "regular", "常规":
				face.Bold = false
			default:
				pp.errorf(v, "%s: %q: want a role and optionally bold, as \"hei bold\"", what, s)
				return
			}
		}
		*parts[key] = face
	})
}

// pages reads the pages and their blocks, resolving each block's part
// (continue: is the part after the last one given before it). Whether the
// pages and blocks make a plan layout can carry out — page numbers, the
// grid, overlaps, chains — is for Edition, which has layout.CheckPlan
// check it.
func (pp *planParser) pages(v *yaml.Node) {
	v = resolve(v)
	if v.Kind != yaml.SequenceNode {
		pp.errorf(v, "pages: want a list of pages (- number: 1 …), have %s", describe(v))
		return
	}
	p := pp.p
	if len(v.Content) > maxPages {
		pp.errorf(v, "pages: %d pages; at most %d", len(v.Content), maxPages)
		return
	}
	next := map[string]int{} // by article, the part after the last given
	total := 0
	for pi, n := range v.Content {
		n = resolve(n)
		page := layout.PagePlan{Number: pi + 1}
		// The number first, to name the page in messages.
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if resolve(n.Content[i]).Value == "number" {
					num := resolve(n.Content[i+1])
					if x, ok := pp.count(num, fmt.Sprintf("page %d: number", pi+1), 1); ok {
						page.Number = x
					}
				}
			}
		}
		where := fmt.Sprintf("page %d", page.Number)
		var lines []int
		pp.mapping(n, where, pageKeys, func(key string, _, v *yaml.Node) {
			switch key {
			case "name":
				page.Name, _ = pp.printed(v, where+": name")
			case "blocks":
				v = resolve(v)
				if v.Kind != yaml.SequenceNode {
					pp.errorf(v, "%s: blocks: want a list of blocks (- article: id …), have %s", where, describe(v))
					return
				}
				total += len(v.Content)
				if len(v.Content) > maxBlocks || total > maxBlocks {
					pp.errorf(v, "%s: too many blocks; at most %d in a plan", where, maxBlocks)
					return
				}
				for bi, bn := range v.Content {
					bn = resolve(bn)
					b, cont, ok := pp.block(bn, fmt.Sprintf("page %d block %d", page.Number, bi+1))
					if !ok {
						continue
					}
					if cont {
						if _, before := next[b.Article]; !before {
							pp.errorf(bn, "page %d block %d: continue: %s, but no block of %s comes before it (start the article with article: %s)",
								page.Number, bi+1, b.Article, b.Article, b.Article)
							continue
						}
						b.Part = next[b.Article]
					}
					next[b.Article] = max(next[b.Article], b.Part+1)
					page.Blocks = append(page.Blocks, b)
					lines = append(lines, bn.Line)
				}
			}
		})
		p.Pages = append(p.Pages, page)
		p.pageLines = append(p.pageLines, n.Line)
		p.blockLines = append(p.blockLines, lines)
	}
}

// block reads one block; cont says it was given as continue:.
func (pp *planParser) block(n *yaml.Node, where string) (b layout.Block, cont, ok bool) {
	ok = true
	var article, partN *yaml.Node
	count := func(v *yaml.Node, dst *int, lo int, what string) {
		if x, good := pp.count(v, where+": "+what, lo); good {
			*dst = x
		} else {
			ok = false
		}
	}
	before := len(pp.errs)
	pp.mapping(n, where, blockKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "article", "continue":
			if article != nil {
				pp.errorf(k, "%s: give article: or continue:, not both (see line %d)", where, article.Line)
				ok = false
				return
			}
			article = k
			cont = key == "continue"
			s, good := pp.text(v, where+": "+key)
			if good && !validID(s) {
				pp.errorf(v, "%s: %s: %q is not an article ID (IDs have no spaces)", where, key, s)
				good = false
			}
			b.Article = s
			ok = ok && good
		case "part":
			partN = k
			count(v, &b.Part, 0, "part")
		case "column":
			count(v, &b.Column, 0, "column")
		case "span":
			count(v, &b.Span, 1, "span")
		case "line":
			count(v, &b.Line, 0, "line")
		case "lines":
			count(v, &b.Lines, 1, "lines")
		case "head-span":
			count(v, &b.HeadSpan, 1, "head-span")
		case "head-size":
			if x, good := pp.size(v, where+": head-size"); good {
				b.HeadSize = x
			} else {
				ok = false
			}
		case "frame":
			s, good := pp.scalar(v, where+": frame")
			if !good {
				ok = false
				return
			}
			f, err := layout.ParseFrame(s)
			if err != nil {
				pp.errorf(v, "%s: frame: %v", where, err)
				ok = false
				return
			}
			b.Frame = f
		}
	})
	if len(pp.errs) > before {
		ok = false
	}
	if resolve(n).Kind != yaml.MappingNode {
		return b, cont, false
	}
	switch {
	case article == nil:
		pp.errorf(n, "%s: no article: (the ID of the article this block holds) and no continue:", where)
		ok = false
	case cont && partN != nil:
		pp.errorf(partN, "%s: part: goes with article:, not continue: (a continue: block is the next part)", where)
		ok = false
	}
	return b, cont, ok
}

// Edition builds the edition of the plan with the given articles and
// checks it with layout.CheckPlan: page numbers, every block inside the
// grid, over no other block and naming a known article, every chain of
// parts whole and going forward, every article placed. Errors are *Error
// naming the plan's line of the page or block at fault, joined.
func (p *Plan) Edition(articles []*layout.Article) (*layout.Edition, error) {
	ed := &layout.Edition{
		Name: p.Name, Date: p.Date, Format: p.Format, Style: p.Style,
		Articles: articles, AutoSpan: p.AutoSpan,
	}
	if err := p.Format.Validate(); err != nil {
		return nil, errorf(p.File, p.formatLine, "%v", err)
	}
	for _, pg := range p.Pages {
		// The edition does not share the plan's blocks.
		ed.Pages = append(ed.Pages, layout.PagePlan{Number: pg.Number, Name: pg.Name, Blocks: slices.Clone(pg.Blocks)})
	}
	err := layout.CheckPlan(ed)
	if err == nil {
		return ed, nil
	}
	var known []string
	seen := map[string]bool{}
	for _, a := range articles {
		if !seen[a.ID] {
			known = append(known, a.ID)
		}
		seen[a.ID] = true
	}
	var out []error
	all := errs.Split(err)
	for _, e := range all {
		if len(out) == maxErrors {
			out = append(out, errorf(p.File, 0, "and %d more errors", len(all)-maxErrors))
			break
		}
		out = append(out, p.planError(e, ed, known))
	}
	return nil, errors.Join(out...)
}

// planError is an error of layout.CheckPlan as an *Error naming the line
// of the page or block it is about.
func (p *Plan) planError(err error, ed *layout.Edition, known []string) *Error {
	// The line of a page or a block, and what messages call it.
	line := func(r layout.PlanRef) int {
		switch {
		case r.IsBlock() && r.Page < len(p.blockLines) && r.Block < len(p.blockLines[r.Page]):
			return p.blockLines[r.Page][r.Block]
		case r.IsPage() && r.Page < len(p.pageLines):
			return p.pageLines[r.Page]
		}
		return 0
	}
	where := func(r layout.PlanRef) string {
		if r.IsBlock() {
			return fmt.Sprintf("page %d block %d", ed.Pages[r.Page].Number, r.Block+1)
		}
		return fmt.Sprintf("page %d", ed.Pages[r.Page].Number)
	}
	var (
		ge *layout.GridError
		oe *layout.OverlapError
		ce *layout.ChainError
		ue *layout.UnplacedError
		pe *layout.PlanError
	)
	switch {
	case errors.As(err, &ge) && ge.At.IsBlock():
		return errorf(p.File, line(ge.At), "%s: %s", where(ge.At), ge.Reason)
	case errors.As(err, &oe) && oe.AtA.IsBlock() && oe.AtB.IsBlock():
		a, b := oe.BlockA, oe.BlockB
		return errorf(p.File, line(oe.AtB), "%s (article %s, columns %d–%d, lines %d–%d) overlaps the block of article %s at line %d (columns %d–%d, lines %d–%d)",
			where(oe.AtB), b.Article, b.Column, b.Column+b.Span-1, b.Line, b.Line+b.Lines-1,
			a.Article, line(oe.AtA), a.Column, a.Column+a.Span-1, a.Line, a.Line+a.Lines-1)
	case errors.As(err, &ce) && ce.At.IsBlock():
		at := ed.Pages[ce.At.Page].Blocks[ce.At.Block]
		switch {
		case ce.Kind == layout.PartMissing:
			return errorf(p.File, line(ce.At), "article %s: part %d is placed but part %d is not", ce.Article, at.Part, ce.Part)
		case ce.Kind == layout.PartRepeated && ce.Other.IsBlock():
			return errorf(p.File, line(ce.At), "%s: part %d of article %s is placed twice (also at line %d)", where(ce.At), ce.Part, ce.Article, line(ce.Other))
		case ce.Kind == layout.PartBackwards && ce.Other.IsBlock():
			return errorf(p.File, line(ce.At), "article %s: part %d on page %d continues backwards from page %d (line %d)",
				ce.Article, ce.Part, ed.Pages[ce.At.Page].Number, ed.Pages[ce.Other.Page].Number, line(ce.Other))
		}
		return errorf(p.File, line(ce.At), "%s: %v", where(ce.At), ce)
	case errors.As(err, &ue):
		src := ""
		if ue.Index >= 0 && ue.Index < len(ed.Articles) && ed.Articles[ue.Index].Source != "" {
			src = " (" + ed.Articles[ue.Index].Source + ")"
		}
		return errorf(p.File, p.pagesLine, "pages: article %s%s is on no page (give it a block, or leave it out of the manuscripts)", ue.Article, src)
	case errors.As(err, &pe) && pe.At.IsBlock():
		return errorf(p.File, line(pe.At), "%s: no article has ID %q (%s)", where(pe.At), pe.Article, knownIDs(known))
	case errors.As(err, &pe) && pe.At.IsPage():
		msg := where(pe.At) + ": " + pe.Reason
		if pe.Other.IsPage() {
			msg += fmt.Sprintf(" (the other at line %d)", line(pe.Other))
		}
		return errorf(p.File, line(pe.At), "%s", msg)
	}
	return errorf(p.File, 0, "%v", err)
}

func knownIDs(known []string) string {
	switch {
	case len(known) == 0:
		return "there are no articles"
	case len(known) > 30:
		return "known IDs: " + strings.Join(known[:30], ", ") + fmt.Sprintf(" and %d more", len(known)-30)
	}
	return "known IDs: " + strings.Join(known, ", ")
}

// Fonts builds the plan's font set: for each role the plan names, its face
// (and bold face) first, then the embedded families; the embedded set for
// the others. Paths are relative to base, or to the plan's folder when base
// is "". A face that cannot be opened is an *Error naming it and the plan's
// line.
func (p *Plan) Fonts(base string) (*fonts.Set, error) {
	set, err := fonts.Default()
	if err != nil {
		return nil, err
	}
	if base == "" {
		base = filepath.Dir(p.File)
	}
	var errs []error
	for _, spec := range p.fonts {
		def := set.Chain(spec.role)
		reg, err := openFont(spec.regular, base)
		if err != nil {
			errs = append(errs, errorf(p.File, spec.line, "fonts %s: %q: %v", spec.role, spec.regular, err))
			continue
		}
		fam := fonts.Family{Regular: reg}
		if spec.bold != "" {
			if fam.Bold, err = openFont(spec.bold, base); err != nil {
				errs = append(errs, errorf(p.File, spec.boldLn, "fonts %s bold: %q: %v", spec.role, spec.bold, err))
				continue
			}
		}
		set.SetChain(spec.role, append([]fonts.Family{fam}, def...)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return set, nil
}

// openFont opens a face by path or family name with fonts.Open. A name
// with a path separator or a font file extension (.ttf, .ttc, .otf, .otc)
// is a path, relative to base, and is never looked up as a family: one
// that does not exist is an error naming the file.
func openFont(name, base string) (*fonts.Face, error) {
	file, sel, hasSel := strings.Cut(name, "#")
	switch strings.ToLower(filepath.Ext(file)) {
	case ".ttf", ".ttc", ".otf", ".otc":
	default:
		if !strings.ContainsAny(file, `/\`) {
			return fonts.Open(name) // a family name
		}
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(base, file)
	}
	if !strings.ContainsAny(file, `/\`) {
		// fonts.Open takes a name without a separator for a family when
		// no such file exists.
		file = "." + string(filepath.Separator) + file
	}
	if hasSel {
		file += "#" + sel
	}
	return fonts.Open(file)
}

// hasPlanExt reports whether a file name is a plan's (.yaml or .yml).
func hasPlanExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}
