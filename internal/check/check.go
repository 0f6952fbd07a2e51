// Package check verifies the invariants every laid-out page must hold,
// on the display list itself: nothing lost or doubled, nothing outside the
// type area, blocks apart, body on the baseline grid, columns balanced,
// 转版 stamps naming the right pages, no line of body text starting or
// ending with a character 避头尾 forbids there. Tests of any package call
// All (or Pages) on what they lay out.
package check

import (
	"errors"
	"fmt"
	"github.com/banmian/banmian/internal/errs"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/banmian/banmian/layout"
)

// eps is the tolerance of positions, in points.
const eps = 0.01

// Pages runs All and reports each violation as a test error.
func Pages(t testing.TB, pages []layout.Page, articles []*layout.Article) {
	t.Helper()
	if err := All(pages, articles); err != nil {
		for _, e := range errs.Split(err) {
			t.Error(e)
		}
	}
}

// All runs every check.
func All(pages []layout.Page, articles []*layout.Article) error {
	return errors.Join(
		Text(pages, articles),
		InTypeArea(pages),
		Blocks(pages),
		Baselines(pages),
		Balanced(pages),
		Stamps(pages),
		Kinsoku(pages),
	)
}

// where finds the block of a page a run of article id lies in.
func where(pg *layout.Page, id string, g layout.GlyphRun) (layout.Placed, bool) {
	for _, b := range pg.Blocks {
		if b.Article == id && b.Rect.Contains(layout.Rect{X: g.X + g.Offsets[0] + g.Size/2, Y: g.Y - 0.4*g.Size}, 0.5) {
			return b, true
		}
	}
	return layout.Placed{}, false
}

// Text checks that every character of every article appears exactly once
// across the pages, in order, continuations included: its kicker,
// headline, subtitle, dateline and byline each, and its body (paragraphs
// and crossheads) as one stream. What layout adds (the subtitle's ——,
// brackets, stamps, the jump headline) is not input; white space is
// ignored.
func Text(pages []layout.Page, articles []*layout.Article) error {
	type key struct {
		id   string
		kind layout.Kind
	}
	type piece struct {
		part, page, seq int
		text            string
	}
	got := map[key][]piece{}
	var errs []error
	seq := 0
	for pi := range pages {
		pg := &pages[pi]
		for _, g := range pg.Glyphs {
			if !g.Kind.FromInput() {
				continue
			}
			if g.Article == "" {
				errs = append(errs, fmt.Errorf("page %d: %s text %q belongs to no article", pg.Number, g.Kind, g.Text))
				continue
			}
			b, ok := where(pg, g.Article, g)
			if !ok {
				errs = append(errs, fmt.Errorf("page %d: %s text %q of article %s lies in none of its blocks", pg.Number, g.Kind, g.Text, g.Article))
			}
			k := g.Kind
			if k == layout.KindCrosshead {
				k = layout.KindBody
			}
			seq++
			got[key{g.Article, k}] = append(got[key{g.Article, k}], piece{b.Part, pi, seq, g.Text})
		}
	}
	known := map[string]bool{}
	for _, a := range articles {
		known[a.ID] = true
		var body strings.Builder
		for _, p := range a.Body {
			body.WriteString(p.Text)
		}
		for _, w := range []struct {
			kind layout.Kind
			text string
		}{
			{layout.KindKicker, a.Kicker}, {layout.KindHeadline, a.Headline}, {layout.KindSubtitle, a.Subtitle},
			{layout.KindDateline, a.Dateline}, {layout.KindBody, body.String()}, {layout.KindByline, a.Byline},
		} {
			ps := got[key{a.ID, w.kind}]
			// Parts in chain order; within a part, display-list order.
			slices.SortStableFunc(ps, func(x, y piece) int {
				if x.part != y.part {
					return x.part - y.part
				}
				return x.seq - y.seq
			})
			var b strings.Builder
			for _, p := range ps {
				b.WriteString(p.text)
			}
			want, have := squeeze(w.text), squeeze(b.String())
			if want != have {
				errs = append(errs, fmt.Errorf("article %s: %s: %s", a.ID, w.kind, diff(want, have)))
			}
		}
	}
	for k := range got {
		if !known[k.id] {
			errs = append(errs, fmt.Errorf("text of unknown article %q", k.id))
		}
	}
	return errors.Join(errs...)
}

// squeeze drops white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// diff describes where have departs from want.
func diff(want, have string) string {
	w, h := []rune(want), []rune(have)
	i := 0
	for i < len(w) && i < len(h) && w[i] == h[i] {
		i++
	}
	ctx := func(r []rune) string {
		end := min(len(r), i+12)
		return string(r[max(0, i-6):end])
	}
	return fmt.Sprintf("%d characters expected, %d found; they differ at character %d: want …%s…, have …%s…",
		len(w), len(h), i, ctx(w), ctx(h))
}

// InTypeArea checks that no item except page furniture lies outside the
// type area: glyph runs by their em boxes (the blank half of a bracket or
// stop at a line's edge may lie outside: composers trim it by moving the
// glyph), rules by their strokes, boxes.
func InTypeArea(pages []layout.Page) error {
	var errs []error
	for _, pg := range pages {
		area := pg.TypeArea
		for _, g := range pg.Glyphs {
			if g.Kind == layout.KindFurniture || len(g.Offsets) == 0 {
				continue
			}
			// The run's extent: each glyph's advance from its offset, white
			// space left out (a composer may set a space at a break at
			// zero width) and the blank half of a closing mark allowed to
			// hang out of the line's end.
			lo, hi := math.Inf(1), math.Inf(-1)
			for i, r := range []rune(g.Text) {
				if unicode.IsSpace(r) {
					continue
				}
				x, w := g.Offsets[i], g.Font.Face.Advance(r)*g.Size
				switch {
				case strings.ContainsRune("，。、；：！？”’）》」』】", r):
					w /= 2
				case strings.ContainsRune("“‘（《「『【", r):
					x, w = x+w/2, w/2
				}
				lo, hi = min(lo, x), max(hi, x+w)
			}
			if lo > hi {
				continue
			}
			r := layout.Rect{X: g.X + lo, Y: g.Y - 0.88*g.Size, W: hi - lo, H: g.Size}
			if !area.Contains(r, eps) {
				errs = append(errs, fmt.Errorf("page %d: %s text %q at (%.2f, %.2f) is outside the type area", pg.Number, g.Kind, g.Text, g.X, g.Y))
			}
		}
		for _, r := range pg.Rules {
			if !r.Furniture && !area.Contains(r.Bounds(), eps) {
				errs = append(errs, fmt.Errorf("page %d: rule (%.2f, %.2f)–(%.2f, %.2f) is outside the type area", pg.Number, r.X1, r.Y1, r.X2, r.Y2))
			}
		}
		for _, b := range pg.Boxes {
			if !area.Contains(b.Rect, eps) {
				errs = append(errs, fmt.Errorf("page %d: box at (%.2f, %.2f) is outside the type area", pg.Number, b.X, b.Y))
			}
		}
		for _, im := range pg.Images {
			if !area.Contains(im.Rect, eps) {
				errs = append(errs, fmt.Errorf("page %d: image %s is outside the type area", pg.Number, im.Name))
			}
		}
	}
	return errors.Join(errs...)
}

// Blocks checks that blocks lie on the grid, inside the type area, and do
// not overlap.
func Blocks(pages []layout.Page) error {
	var errs []error
	for _, pg := range pages {
		g := pg.Grid
		for i, b := range pg.Blocks {
			if b.Column < 0 || b.Span < 1 || b.Column+b.Span > g.Columns || b.Line < 0 || b.Lines < 1 || b.Line+b.Lines > g.Lines {
				errs = append(errs, fmt.Errorf("page %d: block of %s (columns %d+%d, lines %d+%d) is off the grid", pg.Number, b.Article, b.Column, b.Span, b.Line, b.Lines))
			}
			if !pg.TypeArea.Contains(b.Rect, eps) {
				errs = append(errs, fmt.Errorf("page %d: block of %s is outside the type area", pg.Number, b.Article))
			}
			for _, o := range pg.Blocks[:i] {
				if b.Rect.Overlaps(o.Rect, eps) {
					errs = append(errs, fmt.Errorf("page %d: blocks of %s and %s overlap", pg.Number, o.Article, b.Article))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// Baselines checks that body text (datelines, crossheads, bylines and
// stamps too) sits on the page's baseline grid.
func Baselines(pages []layout.Page) error {
	var errs []error
	for _, pg := range pages {
		for _, g := range pg.Glyphs {
			if !g.Kind.OnGrid() {
				continue
			}
			if _, ok := pg.Grid.LineOf(g.Y, eps); !ok {
				errs = append(errs, fmt.Errorf("page %d: %s text %q has its baseline at %.3f, off the grid", pg.Number, g.Kind, g.Text, g.Y))
			}
		}
	}
	return errors.Join(errs...)
}

// Balanced checks each block's columns: the columns that hold text end
// within one line of each other, the later ones never lower; a column
// before one that starts with a crosshead may end two lines short (the
// crosshead's blank line and itself, moved whole). Blocks showing an
// overset mark are not checked.
func Balanced(pages []layout.Page) error {
	var errs []error
	for _, pg := range pages {
		g := pg.Grid
		for _, b := range pg.Blocks {
			if b.Overset > 0 {
				continue
			}
			bottom := make([]int, b.Span)
			top := make([]int, b.Span)
			topKind := make([]layout.Kind, b.Span)
			for i := range bottom {
				bottom[i], top[i] = -1, math.MaxInt
			}
			for _, r := range pg.Glyphs {
				if !r.Kind.OnGrid() || r.Article != b.Article {
					continue
				}
				if in, ok := where(&pg, r.Article, r); !ok || in.Part != b.Part {
					continue
				}
				line, ok := g.LineOf(r.Y, eps)
				if !ok {
					continue // Baselines reports it
				}
				c := int(math.Floor((r.X+r.Offsets[0]+r.Size/2-g.Area.X)/(g.ColumnW+g.Gutter))) - b.Column
				if c >= 0 && c < b.Span {
					bottom[c] = max(bottom[c], line)
					if line < top[c] {
						top[c], topKind[c] = line, r.Kind
					}
				}
			}
			// A crosshead that starts a column was moved there whole, with
			// its blank line and the line after it: the column before may
			// end that much short.
			most := slices.Max(bottom)
			for c := 0; c+1 < b.Span; c++ {
				if bottom[c] >= 0 && topKind[c+1] == layout.KindCrosshead {
					bottom[c] = min(bottom[c]+2, most)
				}
			}
			lo, hi, prev := math.MaxInt, -1, math.MaxInt
			for c, l := range bottom {
				if l < 0 {
					continue
				}
				lo, hi = min(lo, l), max(hi, l)
				if l > prev {
					errs = append(errs, fmt.Errorf("page %d: block of %s: column %d ends on line %d, below the column before it", pg.Number, b.Article, c, l))
				}
				prev = l
			}
			if hi-lo > 1 {
				errs = append(errs, fmt.Errorf("page %d: block of %s: columns end on lines %d to %d, more than one line apart", pg.Number, b.Article, lo, hi))
			}
		}
	}
	return errors.Join(errs...)
}

// Stamps checks the 转版 stamps: a part whose text continues on another
// page ends with （下转第X版）, X that page's number, and the part there
// starts with （上接第Y版）, Y the number of the page it came from. A stamp
// may come in several runs (a narrow column sets it on two lines, a face
// change splits a line): stamp runs of one part that follow each other in
// the display list are read together, a stamp ending at each ）.
func Stamps(pages []layout.Page) error {
	type partKey struct {
		id   string
		part int
	}
	type partInfo struct {
		page     int // number
		down, up []int
		hasText  bool
	}
	parts := map[partKey]*partInfo{}
	var keys []partKey
	var errs []error
	for pi := range pages {
		pg := &pages[pi]
		var text strings.Builder // stamp runs read together
		var of *partInfo         // their part
		last := -2               // index of the last stamp run
		flush := func() {
			for _, st := range strings.SplitAfter(text.String(), "）") {
				if st == "" {
					continue
				}
				down, n, err := ParseStamp(st)
				switch {
				case err != nil:
					errs = append(errs, fmt.Errorf("page %d: %w", pg.Number, err))
				case down:
					of.down = append(of.down, n)
				default:
					of.up = append(of.up, n)
				}
			}
			text.Reset()
		}
		for _, b := range pg.Blocks {
			k := partKey{b.Article, b.Part}
			if parts[k] != nil {
				errs = append(errs, fmt.Errorf("article %s: part %d is placed twice", b.Article, b.Part))
				continue
			}
			parts[k] = &partInfo{page: pg.Number}
			keys = append(keys, k)
		}
		for gi, g := range pg.Glyphs {
			if g.Article == "" {
				continue
			}
			b, ok := where(pg, g.Article, g)
			if !ok {
				continue
			}
			info := parts[partKey{b.Article, b.Part}]
			if g.Kind.FromInput() {
				info.hasText = true
			}
			if g.Kind != layout.KindStamp {
				continue
			}
			if gi != last+1 || info != of {
				flush()
			}
			text.WriteString(g.Text)
			of, last = info, gi
		}
		flush()
	}
	for _, k := range keys {
		info := parts[k]
		next := parts[partKey{k.id, k.part + 1}]
		prev := parts[partKey{k.id, k.part - 1}]
		var wantDown, wantUp []int
		if next != nil && next.hasText && next.page != info.page {
			wantDown = []int{next.page}
		}
		if prev != nil && info.hasText && prev.page != info.page {
			wantUp = []int{prev.page}
		}
		if fmt.Sprint(info.down) != fmt.Sprint(wantDown) {
			errs = append(errs, fmt.Errorf("page %d: article %s, part %d: 下转 stamps name pages %v, want %v", info.page, k.id, k.part, info.down, wantDown))
		}
		if fmt.Sprint(info.up) != fmt.Sprint(wantUp) {
			errs = append(errs, fmt.Errorf("page %d: article %s, part %d: 上接 stamps name pages %v, want %v", info.page, k.id, k.part, info.up, wantUp))
		}
	}
	return errors.Join(errs...)
}

// ParseStamp reads （下转第X版） or （上接第X版）, X in Chinese or Arabic
// numerals.
func ParseStamp(s string) (down bool, page int, err error) {
	t := strings.TrimSuffix(strings.TrimPrefix(s, "（"), "）")
	switch {
	case strings.HasPrefix(t, "下转第"):
		down = true
	case strings.HasPrefix(t, "上接第"):
	default:
		return false, 0, fmt.Errorf("%q is not a 转版 stamp", s)
	}
	num := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(t, "下转第"), "上接第"), "版")
	if n, err := strconv.Atoi(num); err == nil {
		return down, n, nil
	}
	n, ok := chineseValue(num)
	if !ok {
		return false, 0, fmt.Errorf("stamp %q: cannot read page number %q", s, num)
	}
	return down, n, nil
}

func chineseValue(s string) (int, bool) {
	digits := map[rune]int{'零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, cur := 0, 0
	if s == "" {
		return 0, false
	}
	for _, r := range s {
		if d, ok := digits[r]; ok {
			cur = d
		} else if u, ok := units[r]; ok {
			if cur == 0 {
				cur = 1
			}
			total += cur * u
			cur = 0
		} else {
			return 0, false
		}
	}
	return total + cur, true
}
