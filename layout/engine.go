package layout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/typeset"
)

// engine is one run of Layout.
type engine struct {
	ed        *Edition
	set       *fonts.Set
	opt       Options
	st        Style
	f         Format
	grid      Grid
	pages     []Page
	stamps    []*stamp
	stampPars map[stampKey]stampSet // stamps as set, by text and measure

	// headWarns are the warnings of the headline group being tried; they
	// are given once the group is placed.
	headWarns []Warning
}

// newEngine starts a run of Layout in the format f, which checkPlan has
// validated.
func newEngine(ed *Edition, f Format, set *fonts.Set, opt Options) (*engine, error) {
	e := &engine{ed: ed, set: set, opt: opt, st: ed.Style, f: f, stampPars: map[stampKey]stampSet{}}
	if len(e.st.Ladder) == 0 {
		e.st = DefaultStyle()
	}
	if set == nil {
		return nil, &PlanError{Reason: "no fonts", At: noRef, Other: noRef}
	}
	e.grid = e.f.Grid()
	return e, nil
}

func (e *engine) warn(w Warning) {
	if e.opt.Warn != nil {
		e.opt.Warn(w)
	}
}

// newPage appends an empty page and returns its index.
func (e *engine) newPage(number int, name string) int {
	e.pages = append(e.pages, Page{
		Number: number, Name: name,
		Width: e.f.PaperW, Height: e.f.PaperH,
		Trim:     Rect{W: e.f.PaperW, H: e.f.PaperH},
		TypeArea: e.grid.Area, Grid: e.grid,
		// Room for a full page of body lines, a run or two each.
		Glyphs: make([]GlyphRun, 0, e.grid.Lines*e.grid.Columns*3/2),
	})
	return len(e.pages) - 1
}

// emitLine draws a composed line with its start at x and its baseline at y.
// It becomes one glyph run per run of the paragraph the line touches.
func emitLine(pg *Page, par *typeset.Paragraph, l *typeset.Line, kinds []Kind, id string, x, y float64) {
	gs := l.Glyphs
	offs := make([]float64, len(gs)) // one backing array for the line's runs
	var b strings.Builder
	for i := 0; i < len(gs); {
		j := i
		for j < len(gs) && gs[j].Run == gs[i].Run {
			j++
		}
		run := par.Runs[gs[i].Run]
		b.Reset()
		b.Grow(3 * (j - i))
		x0 := gs[i].X
		for k := i; k < j; k++ {
			b.WriteRune(gs[k].Rune)
			offs[k] = gs[k].X - x0
		}
		kind := KindOther
		if gs[i].Run < len(kinds) {
			kind = kinds[gs[i].Run]
		}
		pg.Glyphs = append(pg.Glyphs, GlyphRun{
			Font: run.Font, Size: run.Size, Color: run.Color, X: x + x0, Y: y,
			Text: b.String(), Offsets: offs[i:j:j], Kind: kind, Article: id,
		})
		i = j
	}
}

// lineX is where a line set at align starts in a measure from x.
func lineX(l *typeset.Line, align typeset.Align, x float64) float64 {
	switch align {
	case typeset.Center:
		return x + (l.Measure-l.Width)/2
	case typeset.Right:
		return x + l.Measure - l.Width
	}
	return x
}

// setText composes text in face at size as one paragraph.
func (e *engine) setText(face Face, size float64, text string, kind Kind, width float64) (*typeset.Paragraph, []Kind, error) {
	src := source{}
	if err := e.addRuns(&src, face, size, text, kind); err != nil {
		return nil, nil, err
	}
	st := e.st.Body
	st.Align, st.Indent = typeset.Left, 0
	par, err := typeset.Compose(src.runs, st, typeset.Fixed(width))
	return par, src.kinds, err
}

// A stamp is a 转版 stamp: （下转第X版） at the end of a part that
// continues, （上接第X版） at the start of the part that continues it. Its
// number is filled in after layout, from the page its target landed on.
// In a column too narrow for it, it takes two lines or more.
type stamp struct {
	down    bool // 下转; else 上接
	article string
	ref     PlanRef // the block it is in
	page    int     // index of the page it is on
	target  int     // index of the page it names
	w       float64
	at      []stampLine // where each of its lines goes
	right   bool        // flush right in its measure
}

// stampLine is where one line of a stamp goes: the start of its measure and
// its grid line.
type stampLine struct {
	x    float64
	line int
}

type stampKey struct {
	text    string
	measure float64
}

type stampSet struct {
	par   *typeset.Paragraph
	kinds []Kind
}

func (e *engine) stampText(down bool, page int) string {
	n := strconv.Itoa(page)
	if e.st.Numerals == Chinese {
		n = ChineseNumber(page)
	}
	if down {
		return "（下转第" + n + "版）"
	}
	return "（上接第" + n + "版）"
}

// setStamp sets a stamp naming page in a measure of width, in as many
// lines as it takes.
func (e *engine) setStamp(down bool, page int, width float64, article string) (stampSet, error) {
	k := stampKey{e.stampText(down, page), width}
	if s, ok := e.stampPars[k]; ok {
		return s, nil
	}
	par, kinds, err := e.setText(e.st.Faces.Stamp, e.f.BodySize, k.text, KindStamp, width)
	if err != nil {
		return stampSet{}, glyphErr(err, article, 0, "转版 stamp")
	}
	s := stampSet{par, kinds}
	e.stampPars[k] = s
	return s, nil
}

// finish fills in the stamps and draws what needs every block in place:
// separator rules and the 报眉.
func (e *engine) finish() error {
	for _, s := range e.stamps {
		set, err := e.setStamp(s.down, e.pages[s.target].Number, s.w, s.article)
		if err != nil {
			return err
		}
		par := set.par
		if len(par.Lines) > len(s.at) {
			// Layout kept room for the stamp naming this very page.
			return &FitError{Article: s.article, Page: e.pages[s.page].Number, At: s.ref, Reason: fmt.Sprintf(
				"the 转版 stamp %s needs %d lines in its column; %d were kept for it", e.stampText(s.down, e.pages[s.target].Number), len(par.Lines), len(s.at))}
		}
		for i := range par.Lines {
			l := &par.Lines[i]
			x := s.at[i].x
			if s.right {
				x += s.w - l.Width
			}
			emitLine(&e.pages[s.page], par, l, set.kinds, s.article, x, e.grid.Baseline(s.at[i].line))
		}
	}
	for i := range e.pages {
		if e.st.Separators {
			e.separators(&e.pages[i])
		}
		if e.st.Header && e.pages[i].Number != 1 {
			if err := e.header(i); err != nil {
				return err
			}
		}
	}
	return nil
}

// separators draws a rule between neighbouring blocks: across the top of a
// block that sits right under another, in its first (white) line, out to
// the middle of the gutters beside it; and down the gutter between blocks
// side by side, meeting the rules across. Framed blocks need none.
func (e *engine) separators(pg *Page) {
	g := e.grid
	rule := func(x1, y1, x2, y2 float64) {
		pg.Rules = append(pg.Rules, Rule{X1: x1, Y1: y1, X2: x2, Y2: y2, Width: e.st.ThinRule, Color: Black})
	}
	// ruled reports whether block b gets a rule across its top.
	ruled := func(b Placed) bool {
		if b.Frame != NoFrame || b.Line == 0 {
			return false
		}
		for _, a := range pg.Blocks {
			if a.Frame == NoFrame && a.Line+a.Lines == b.Line && a.Column < b.Column+b.Span && b.Column < a.Column+a.Span {
				return true
			}
		}
		return false
	}
	for _, b := range pg.Blocks {
		if !ruled(b) {
			continue
		}
		x1, x2 := g.ColumnX(b.Column), g.ColumnX(b.Column+b.Span-1)+g.ColumnW
		if b.Column > 0 {
			x1 -= g.Gutter / 2
		}
		if b.Column+b.Span < g.Columns {
			x2 += g.Gutter / 2
		}
		y := g.LineTop(b.Line) + g.Size/2
		rule(x1, y, x2, y)
	}
	for _, a := range pg.Blocks {
		for _, b := range pg.Blocks {
			if a.Frame != NoFrame || b.Frame != NoFrame || a.Column+a.Span != b.Column || a.Line >= b.Line+b.Lines || b.Line >= a.Line+a.Lines {
				continue
			}
			top, bot := max(a.Line, b.Line), min(a.Line+a.Lines, b.Line+b.Lines)
			y1, y2 := g.LineTop(top), g.LineTop(bot-1)+g.Size
			if (a.Line == top && ruled(a)) || (b.Line == top && ruled(b)) {
				y1 += g.Size / 2
			}
			for _, c := range pg.Blocks {
				if c.Line == bot && c.Column < b.Column+1 && c.Column+c.Span > b.Column-1 && ruled(c) {
					y2 = g.LineTop(bot) + g.Size/2
				}
			}
			x := g.ColumnX(b.Column) - g.Gutter/2
			rule(x, y1, x, y2)
		}
	}
}

// header draws the 报眉 above the type area: the folio and the page's name
// at the left, the paper's name in the middle, the date at the right, over
// a thin rule. Each is one line; if they cannot stand apart on it, the
// 报眉 is a *PlanError naming them. i is the page's index.
func (e *engine) header(i int) error {
	pg := &e.pages[i]
	at := noRef
	if len(e.ed.Pages) > 0 {
		at = PlanRef{i, -1} // a page of the plan
	}
	area := pg.TypeArea
	size := e.f.BodySize
	y := area.Y - 0.8*e.f.Pitch
	folio := "第" + strconv.Itoa(pg.Number) + "版"
	if e.st.Numerals == Chinese {
		folio = "第" + ChineseNumber(pg.Number) + "版"
	}
	if pg.Name != "" {
		folio += "　" + pg.Name
	}
	texts := [3]string{folio, e.ed.Name, e.ed.Date}
	var pars [3]*typeset.Paragraph
	var kinds [3][]Kind
	var w [3]float64
	for i, t := range texts {
		if strings.TrimSpace(t) == "" {
			continue
		}
		face := Face{Role: fonts.Hei, Bold: i == 0}
		// At an unbounded measure: one line, its natural width.
		par, ks, err := e.setText(face, size, t, KindFurniture, 1e6)
		if err != nil {
			return glyphErr(err, "", 0, fmt.Sprintf("报眉 of page %d", pg.Number))
		}
		if len(par.Lines) != 1 {
			return &PlanError{Page: pg.Number, Reason: fmt.Sprintf("the 报眉 text %q must be one line", t), At: at, Other: noRef}
		}
		for k := range ks {
			ks[k] = KindFurniture
		}
		pars[i], kinds[i], w[i] = par, ks, par.Lines[0].Width
	}
	// The pieces stand at least an em apart: the name centred, the folio
	// and the date in the room either side of it.
	gap := func(i int) float64 {
		if pars[i] == nil {
			return 0
		}
		return w[i] + size
	}
	fits := gap(0)+w[2] <= area.W+1e-6
	if pars[1] != nil {
		side := (area.W - w[1]) / 2
		fits = gap(0) <= side+1e-6 && gap(2) <= side+1e-6
	}
	if !fits {
		return &PlanError{Page: pg.Number, Reason: fmt.Sprintf(
			"the 报眉 does not fit the type area's %.0f pt: the paper's name %q (%.0f pt) between %q (%.0f pt) and %q (%.0f pt), an em apart; shorten the paper's name, the page's name or the date",
			area.W, texts[1], w[1], texts[0], w[0], texts[2], w[2]), At: at, Other: noRef}
	}
	xs := [3]float64{area.X, area.X + (area.W-w[1])/2, area.Right() - w[2]}
	for i, par := range pars {
		if par != nil {
			emitLine(pg, par, &par.Lines[0], kinds[i], "", xs[i], y)
		}
	}
	ry := area.Y - 0.35*e.f.Pitch
	pg.Rules = append(pg.Rules, Rule{X1: area.X, Y1: ry, X2: area.Right(), Y2: ry, Width: e.st.ThinRule, Color: Black, Furniture: true})
	return nil
}

// ChineseNumber writes n (0 < n < 10000) in Chinese numerals: 二, 十二,
// 二十, 一百零五.
func ChineseNumber(n int) string {
	const digits = "零一二三四五六七八九"
	d := []rune(digits)
	if n <= 0 || n >= 10000 {
		return strconv.Itoa(n)
	}
	if n < 20 && n >= 10 {
		if n == 10 {
			return "十"
		}
		return "十" + string(d[n-10])
	}
	units := []string{"千", "百", "十", ""}
	div := []int{1000, 100, 10, 1}
	var b strings.Builder
	zero := false
	started := false
	for i, dv := range div {
		k := n / dv % 10
		if k == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		b.WriteRune(d[k])
		b.WriteString(units[i])
		started = true
	}
	return b.String()
}
