package layout

import (
	"errors"
	"fmt"
	"math"

	"github.com/banmian/banmian/typeset"
)

// part is a block that one part of an article is set in.
type part struct {
	Block         // sizes filled in
	page  int     // index of its page
	from  int     // index of the previous part's page; -1 for the first part
	to    int     // index of the next part's page; -1 for the last part
	last  bool    // the chain's last block: what does not fit is over
	auto  bool    // automatic flow: the block ends where its text does
	whole bool    // automatic flow: take the article whole or not at all
	ref   PlanRef // where the block is in the plan
}

// jump reports whether the part continues an article from another page:
// it starts with a jump headline and （上接第X版）.
func (p *part) jump() bool { return p.from >= 0 && p.from != p.page }

// turns reports whether the part's text continues on another page, so it
// ends with （下转第X版）.
func (p *part) turns() bool { return p.to >= 0 && p.to != p.page }

// errNoRoom says an automatic block has no room for its headline and a
// few lines of text where it was tried.
var errNoRoom = errors.New("no room")

// slot is where an item of the body stream went.
type slot struct{ col, line int }

// stream is the body items a part sets: the lines of the （上接） stamp,
// if any, then what is left of the article.
type stream struct {
	pre  []item
	rest []item
}

func (s stream) len() int    { return len(s.rest) + len(s.pre) }
func (s stream) preLen() int { return len(s.pre) }
func (s stream) at(i int) *item {
	if i < len(s.pre) {
		return &s.pre[i]
	}
	return &s.rest[i-len(s.pre)]
}

// fill places the stream's items from the top of the first column down to
// bottoms, then on in the next column, and returns where each went until
// one did not fit. An item's blank lines are dropped at the top of a
// column; a crosshead goes with the line after it unless that cannot fit
// even an empty column.
func fill(st stream, tops, bottoms []int, out []slot) []slot {
	out = out[:0]
	n := st.len()
	c, line := 0, tops[0]
	for i := 0; i < n; {
		// The group: items that keep with the next, and that next one.
		j := i
		for j < n-1 && st.at(j).keep {
			j++
		}
		for {
			if c == len(tops) {
				return out
			}
			atTop := line == tops[c]
			need := 0
			for k := i; k <= j; k++ {
				if k > i || !atTop {
					need += st.at(k).space
				}
				need++
			}
			if line+need <= bottoms[c] {
				break
			}
			if atTop && j > i && line+1 <= bottoms[c] {
				j = i // the group cannot fit any column: break it up
				continue
			}
			c++
			if c < len(tops) {
				line = tops[c]
			}
		}
		atTop := line == tops[c]
		for k := i; k <= j; k++ {
			if k > i || !atTop {
				line += st.at(k).space
			}
			out = append(out, slot{c, line})
			line++
		}
		i = j + 1
	}
	return out
}

// balance finds the shortest column bottoms that hold the whole stream,
// at most limit: all columns end on one line, or the later ones a line
// higher. Where crossheads, which keep with the line after them, make that
// impossible at the shortest height, a line or two more is tried for the
// most even ends. ok is false if the stream does not fit.
func balance(st stream, tops []int, limit int, bottoms []int, slots []slot) ([]slot, bool) {
	n := st.len()
	minTop := tops[0]
	for _, t := range tops {
		minTop = min(minTop, t)
	}
	capacity := func(b int) int {
		c := 0
		for _, t := range tops {
			c += max(0, b-t)
		}
		return c
	}
	b0 := minTop + 1
	for b0 < limit && capacity(b0) < n {
		b0++
	}
	for ; b0 <= limit; b0++ {
		for i := range bottoms {
			bottoms[i] = b0
		}
		if slots = fill(st, tops, bottoms, slots); len(slots) == n {
			break
		}
	}
	if b0 > limit {
		return slots, false
	}
	best, bestScore := make([]int, len(bottoms)), math.MaxInt
	try := make([]int, len(bottoms))
	ends := make([]int, len(bottoms))
	for b := b0; b <= min(limit, b0+2) && bestScore >= 100; b++ {
		// Take a line off the last j columns while everything fits.
		for j := 0; j < len(tops); j++ {
			cut := 0
			for i := len(tops) - 1; i >= 0; i-- {
				try[i] = b
				if cut < j && tops[i] < b-1 {
					try[i] = b - 1
					cut++
				}
			}
			if cut < j {
				break
			}
			if slots = fill(st, tops, try, slots); len(slots) != n {
				break
			}
			if sc := evenness(slots, ends)*100 + (b-b0)*10 + len(tops) - j; sc < bestScore {
				bestScore = sc
				copy(best, try)
			}
		}
	}
	copy(bottoms, best)
	return fill(st, tops, bottoms, slots), true
}

// evenness scores where the columns of a fill end: how many lines apart
// the first and last ends are, and heavily, a column that ends lower than
// the one before it.
func evenness(slots []slot, ends []int) int {
	for i := range ends {
		ends[i] = -1
	}
	for _, s := range slots {
		ends[s.col] = max(ends[s.col], s.line)
	}
	lo, hi, prev, worse := math.MaxInt, -1, math.MaxInt, 0
	for _, e := range ends {
		if e < 0 {
			continue
		}
		lo, hi = min(lo, e), max(hi, e)
		if e > prev {
			worse++
		}
		prev = e
	}
	if hi < 0 {
		return 0
	}
	return worse*10 + max(0, hi-lo-1)
}

// placePart sets as much of s's article as fits in p and returns the line
// after the last one used.
func (e *engine) placePart(s *setter, p *part) (int, error) {
	g := e.grid
	pg := &e.pages[p.page]
	number := pg.Number
	framed := p.Frame != NoFrame
	pad := 0.0
	if framed {
		pad = e.f.BodySize/2 + e.frameWidth(p.Frame)
	}
	bx := g.ColumnX(p.Column)
	colW := (g.Width(p.Span) - 2*pad - float64(p.Span-1)*g.Gutter) / float64(p.Span)
	if colW < e.f.BodySize {
		return 0, &FitError{Article: p.Article, Page: number, Reason: "columns too narrow for one character", At: p.ref}
	}
	colX := func(i int) float64 { return bx + pad + float64(i)*(colW+g.Gutter) }
	above := 0.0
	if p.Line > 0 || framed {
		above = e.st.WhiteAbove
	}
	bottom := p.Line + p.Lines
	if framed {
		bottom--
	}

	// The headline group.
	headSpan := p.HeadSpan
	if headSpan == 0 {
		headSpan = p.Span
	}
	headW := colX(headSpan-1) + colW - colX(0)
	var hg *headGroup
	var err error
	headLines := 0
	// A group too tall for the block is set smaller, down the ladder.
	for limit := p.HeadSize; ; {
		e.headWarns = e.headWarns[:0]
		switch {
		case p.Part == 0:
			hg, err = e.head(s, headW, headSpan, limit, false, number)
		case p.jump():
			hg, err = e.head(s, headW, headSpan, 0, true, number)
		}
		if err != nil {
			return 0, err
		}
		if hg != nil && len(hg.elems) > 0 {
			headLines = hg.lines(e, above)
		}
		if p.Line+headLines <= bottom || p.Part != 0 || hg == nil {
			break
		}
		smaller := e.ladderBelow(hg.main, 1)
		if smaller[0] >= hg.main {
			break
		}
		limit = smaller[0]
	}
	bodyTop := p.Line + int(math.Ceil(above-1e-9))
	tops := make([]int, p.Span)
	for i := range tops {
		tops[i] = bodyTop
		if headLines > 0 && i < headSpan {
			tops[i] = p.Line + headLines
		}
	}
	const minLines = 3 // an automatic block starts only with room for this many lines of text
	if p.auto && p.Line > 0 && tops[0]+minLines > bottom {
		return 0, errNoRoom
	}
	if p.Line+headLines > bottom {
		return 0, &FitError{Article: p.Article, Page: number, At: p.ref, Reason: fmt.Sprintf(
			"the block's %d lines cannot hold its headline, which needs %d", p.Lines, headLines)}
	}

	// The body.
	if err := s.setMeasure(colW); err != nil {
		return 0, err
	}
	st := stream{rest: s.items[s.next:]}
	if p.jump() {
		set, err := e.setStamp(false, e.number(p.from), colW, s.a.ID)
		if err != nil {
			return 0, err
		}
		up := &stamp{article: s.a.ID, ref: p.ref, page: p.page, target: p.from, w: colW}
		n := len(set.par.Lines)
		for i := range n {
			st.pre = append(st.pre, item{src: -1, stamp: up, keep: i < n-1})
		}
	}
	n := st.len()
	bottoms := make([]int, p.Span)
	slots, all := balance(st, tops, bottom, bottoms, make([]slot, 0, n))
	over := 0
	var down *stamp
	if !all && p.whole {
		return 0, errNoRoom
	}
	if !all {
		for i := range bottoms {
			bottoms[i] = bottom
		}
		slots = fill(st, tops, bottoms, slots)
		switch {
		case p.last && !p.auto:
			over = n - len(slots)
			if !e.opt.Overset {
				return 0, &OverflowError{Article: s.a.ID, Page: number, Lines: over}
			}
			e.warn(Warning{Page: number, Article: s.a.ID, Message: fmt.Sprintf("%d lines over, shown by the overset mark", over)})
		case p.turns():
			slots, down, err = e.turnStamp(st, slots, bottoms, p, colX, colW)
			if err != nil {
				return 0, err
			}
		}
		if len(slots) == 0 && n > 0 {
			return 0, &FitError{Article: p.Article, Page: number, Reason: "the block has no room for text", At: p.ref}
		}
	} else if !p.auto {
		used := 0
		for _, b := range bottoms {
			used = max(used, b)
		}
		if spare := bottom - used; spare >= 2 && n > 0 {
			e.warn(Warning{Page: number, Article: s.a.ID, Message: fmt.Sprintf("the block has %d lines to spare", spare)})
		}
	}

	// Draw.
	for _, w := range e.headWarns {
		e.warn(w)
	}
	e.headWarns = e.headWarns[:0]
	if hg != nil && headLines > 0 {
		e.emitHead(pg, hg, s.a.ID, colX(0), headW, p.Line, headLines, above)
	}
	used := p.Line + headLines
	first := make([]int, p.Span) // first and last line of each column, for column rules
	lastL := make([]int, p.Span)
	for i := range first {
		first[i], lastL[i] = -1, -1
	}
	for i, sl := range slots {
		it := st.at(i)
		x := colX(sl.col)
		if it.stamp != nil {
			if len(it.stamp.at) == 0 {
				e.stamps = append(e.stamps, it.stamp)
			}
			it.stamp.at = append(it.stamp.at, stampLine{x, sl.line})
		} else {
			l := &it.par.Lines[it.line]
			emitLine(pg, it.par, l, it.kinds, s.a.ID, lineX(l, it.align, x), g.Baseline(sl.line))
		}
		if first[sl.col] < 0 {
			first[sl.col] = sl.line
		}
		lastL[sl.col] = sl.line
		used = max(used, sl.line+1)
	}
	if down != nil {
		e.stamps = append(e.stamps, down)
		used = max(used, down.at[len(down.at)-1].line+1)
	}
	s.next += max(0, len(slots)-st.preLen())

	if p.auto {
		p.Lines = used - p.Line
		if framed {
			p.Lines++
		}
	}
	rect := g.Rect(p.Column, p.Span, p.Line, p.Lines)
	if e.st.ColumnRules {
		for i := 0; i+1 < p.Span; i++ {
			if first[i] < 0 || first[i+1] < 0 {
				continue
			}
			x := colX(i) + colW + g.Gutter/2
			top, bot := max(first[i], first[i+1]), max(lastL[i], lastL[i+1])
			pg.Rules = append(pg.Rules, Rule{X1: x, Y1: g.LineTop(top), X2: x, Y2: g.LineTop(bot) + g.Size, Width: e.st.ThinRule, Color: Black})
		}
	}
	if framed {
		w := e.frameWidth(p.Frame)
		black := Black
		pg.Boxes = append(pg.Boxes, Box{Rect: Rect{X: rect.X + w/2, Y: rect.Y + w/2, W: rect.W - w, H: rect.H - w}, Stroke: &black, StrokeWidth: w})
	}
	if over > 0 {
		if err := e.oversetMark(pg, s.a.ID, rect, over); err != nil {
			return 0, err
		}
	}
	pg.Blocks = append(pg.Blocks, Placed{
		Article: s.a.ID, Part: p.Part, Column: p.Column, Span: p.Span, Line: p.Line, Lines: p.Lines,
		Rect: rect, Frame: p.Frame, Overset: over,
	})
	return used, nil
}

// turnStamp makes room for （下转第X版） at the end of a full part: on its
// last line, flush right, if the line has room, else on a line of its own,
// taking the last line (and a crosshead left above it) to the next part.
// In a column too narrow for it, the stamp takes as many lines as it needs,
// all in one column.
func (e *engine) turnStamp(st stream, slots []slot, bottoms []int, p *part, colX func(int) float64, colW float64) ([]slot, *stamp, error) {
	k := len(slots)
	if k == 0 {
		return slots, nil, nil
	}
	set, err := e.setStamp(true, e.number(p.to), colW, p.Article)
	if err != nil {
		return nil, nil, err
	}
	need := len(set.par.Lines)
	s := &stamp{down: true, article: p.Article, ref: p.ref, page: p.page, target: p.to, w: colW, right: true}
	put := func(sl slot) {
		for i := range need {
			s.at = append(s.at, stampLine{colX(sl.col), sl.line + i})
		}
	}
	last := slots[k-1]
	it := st.at(k - 1)
	if need == 1 && it.par != nil && (it.align == typeset.Justify || it.align == typeset.Left) {
		l := &it.par.Lines[it.line]
		if (l.Last || it.align == typeset.Left) && l.Width+set.par.Lines[0].Width <= l.Measure+1e-6 {
			put(last)
			return slots, s, nil
		}
	}
	if last.line+need < bottoms[last.col] {
		put(slot{last.col, last.line + 1})
		return slots, s, nil
	}
	for k > 0 {
		k--
		for k > 0 && st.at(k-1).keep {
			k--
		}
		if sl := slots[k]; sl.line+need <= bottoms[sl.col] {
			put(sl)
			return slots[:k], s, nil
		}
	}
	return nil, nil, &FitError{Article: p.Article, Page: e.number(p.page), At: p.ref, Reason: fmt.Sprintf(
		"no column of the block has the %d lines the 转版 stamp needs", need)}
}

func (e *engine) frameWidth(f Frame) float64 {
	if f == ThickFrame {
		return e.st.ThickRule
	}
	return e.st.ThinRule
}

// oversetMark flags a block whose text does not fit: a red tag with the
// number of lines over at its bottom right corner, as FIT shows it.
func (e *engine) oversetMark(pg *Page, id string, r Rect, over int) error {
	size := e.f.BodySize
	par, kinds, err := e.setText(Face{Role: e.st.Faces.Dateline.Role, Bold: true}, size, fmt.Sprintf("+%d行", over), KindOverset, r.W)
	if err != nil {
		return glyphErr(err, id, 0, "overset mark")
	}
	red := Color{M: 1, Y: 1}
	for i := range par.Runs {
		par.Runs[i].Color = Color{}
	}
	l := &par.Lines[0]
	w := l.Width + size
	tag := Rect{X: r.Right() - w, Y: r.Bottom() - size*1.2, W: w, H: size * 1.2}
	pg.Boxes = append(pg.Boxes, Box{Rect: tag, Fill: &red})
	edge := red
	pg.Boxes = append(pg.Boxes, Box{Rect: Rect{X: r.X + 0.5, Y: r.Y + 0.5, W: r.W - 1, H: r.H - 1}, Stroke: &edge, StrokeWidth: 1})
	emitLine(pg, par, l, kinds, id, tag.X+size/2, tag.Bottom()-size*0.1-(1-emAscent)*size)
	return nil
}

// setChain sets an article through the blocks of its chain, in order.
func (e *engine) setChain(a *Article, ch []*planned) error {
	s, err := e.newSetter(a)
	if err != nil {
		return err
	}
	for i, b := range ch {
		p := &part{Block: b.Block, page: b.page, ref: b.ref, from: -1, to: -1, last: i == len(ch)-1}
		if i > 0 {
			p.from = ch[i-1].page
		}
		if !p.last {
			p.to = ch[i+1].page
		}
		if i > 0 && !s.left() {
			e.warn(Warning{Page: e.pages[b.page].Number, Article: a.ID, Message: fmt.Sprintf("part %d is empty: the text ended before it", b.Part)})
			pg := &e.pages[b.page]
			pg.Blocks = append(pg.Blocks, Placed{Article: a.ID, Part: b.Part, Column: b.Column, Span: b.Span, Line: b.Line, Lines: b.Lines,
				Rect: e.grid.Rect(b.Column, b.Span, b.Line, b.Lines), Frame: b.Frame})
			continue
		}
		if _, err := e.placePart(s, p); err != nil {
			return err
		}
	}
	return nil
}
