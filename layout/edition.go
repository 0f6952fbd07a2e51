package layout

import (
	"errors"
	"fmt"
	"slices"

	"github.com/banmian/banmian/fonts"
)

// Edition is one issue of a paper: its format and style, its articles, and
// the plan of its pages (版面). With no pages planned, Layout flows the
// articles automatically.
type Edition struct {
	Name     string // the paper's name, for the 报眉
	Date     string // as printed in the 报眉, e.g. 2018年3月16日 星期五
	Format   Format // zero: Tabloid()
	Style    Style  // a Style with no Ladder: DefaultStyle()
	Pages    []PagePlan
	Articles []*Article

	// AutoSpan is, in automatic flow, how many columns each article spans;
	// 0 is the full width of the type area. Narrower articles are stacked
	// down the first columns, then the next ones.
	AutoSpan int
}

// PagePlan is one page's plan: its number and name and the article blocks
// on it.
type PagePlan struct {
	Number int    // 版次; 0 is its position in the edition, from 1
	Name   string // 版名, e.g. 要闻
	Blocks []Block
}

// Block places (part of) an article in a rectangle of the grid. Grid
// positions count from 0.
type Block struct {
	Article string // the article's ID
	// Part is the block's place in the article's chain: 0 is where the
	// article starts; text that does not fit continues in part 1, then 2,
	// on the same page or a later one (转版 when the page changes).
	Part int

	Column, Span int // the first column and how many; Span 0: to the last column
	Line, Lines  int // the first line and how many; Lines 0: to the last line

	HeadSpan int     // columns the headline group spans, from the block's first; 0: all
	HeadSize float64 // the largest 主题 size to fit; 0: the top of the ladder
	Frame    Frame
}

// Options are settings of one run, not of the paper.
type Options struct {
	// Overset shows text that does not fit its last block as a visible
	// mark on the block, and a warning, instead of failing.
	Overset bool
	// Warn receives warnings; nil drops them.
	Warn func(Warning)
}

// Layout sets an edition and returns its pages, in plan order, each with
// its number. It checks the plan first, as CheckPlan does. Text is never
// lost silently: what does not fit is an error (*OverflowError, or a
// *FitError for a block that cannot hold its headline or a 转版 stamp)
// unless Options.Overset asks for a mark, and an article the plan leaves
// out is an *UnplacedError. Other plan mistakes are *GridError,
// *OverlapError, *ChainError and *PlanError; a character no face has is a
// *fonts.MissingGlyphError naming the article and where in it (paragraph,
// headline, byline…) or the page of the 报眉.
func Layout(ed *Edition, set *fonts.Set, opt Options) ([]Page, error) {
	pl, err := checkPlan(ed)
	if err != nil {
		return nil, err
	}
	e, err := newEngine(ed, pl.format, set, opt)
	if err != nil {
		return nil, err
	}
	if len(ed.Pages) == 0 {
		err = e.auto()
	} else {
		err = e.planned(pl)
	}
	if err != nil {
		return nil, err
	}
	if err := e.finish(); err != nil {
		return nil, err
	}
	return e.pages, nil
}

// CheckPlan checks an edition's plan without setting any text, so without
// fonts: the format; the articles' IDs (each article has one, no two the
// same); the page numbers (none negative, none repeated); every block
// inside the grid, with a known article, over no other block; every
// article's chain of parts (parts 0, 1, … each placed once, never going
// back a page); and every article placed. These are the checks Layout
// makes before it sets anything. The errors are *PlanError, *GridError,
// *OverlapError, *ChainError and *UnplacedError, joined, each saying where
// in the plan it is (a PlanRef) when it is about a page or a block.
func CheckPlan(ed *Edition) error {
	_, err := checkPlan(ed)
	return err
}

// checkedPlan is what checkPlan learns of a good plan.
type checkedPlan struct {
	format  Format
	numbers []int                 // of the pages
	chains  map[string][]*planned // by article, in part order
}

// planned is a block of the plan, its zero sizes filled in.
type planned struct {
	Block
	page int     // index in ed.Pages, and in e.pages
	ref  PlanRef // where it is in the plan
}

func checkPlan(ed *Edition) (*checkedPlan, error) {
	f := editionFormat(ed)
	if err := f.Validate(); err != nil {
		return nil, &PlanError{Reason: err.Error(), At: noRef, Other: noRef}
	}
	pl := &checkedPlan{format: f, chains: map[string][]*planned{}}
	g := f.Grid()
	var errs []error

	byID := map[string]bool{}
	for _, a := range ed.Articles {
		switch {
		case a.ID == "":
			errs = append(errs, &PlanError{Article: a.Headline, Reason: "article has no ID", At: noRef, Other: noRef})
		case byID[a.ID]:
			errs = append(errs, &PlanError{Article: a.ID, Reason: "two articles have this ID", At: noRef, Other: noRef})
		}
		byID[a.ID] = true
	}

	// Pages, numbered.
	first := map[int]int{} // the index of the first page of each number
	for i, pp := range ed.Pages {
		n := pp.Number
		if n == 0 {
			n = i + 1
		}
		pl.numbers = append(pl.numbers, n)
		at := PlanRef{i, -1}
		if n < 0 {
			errs = append(errs, &PlanError{Page: n, Reason: "page number is negative", At: at, Other: noRef})
			continue
		}
		if j, dup := first[n]; dup {
			errs = append(errs, &PlanError{Page: n, Reason: fmt.Sprintf("two pages have number %d", n), At: at, Other: PlanRef{j, -1}})
			continue
		}
		first[n] = i
	}

	// Blocks: inside the grid, known articles, not overlapping. A block
	// with a mistake still places its article, in its chain.
	placed := map[string]bool{}
	var order []string
	for pi, pp := range ed.Pages {
		n := pl.numbers[pi]
		var onPage []*planned
		for bi, b := range pp.Blocks {
			p := &planned{Block: b, page: pi, ref: PlanRef{pi, bi}}
			if b.Span == 0 {
				p.Span = g.Columns - b.Column
			}
			if b.Lines == 0 {
				p.Lines = g.Lines - b.Line
			}
			ok := true
			if err := checkBlock(g, p, n); err != nil {
				errs = append(errs, err)
				ok = false
			}
			if !byID[b.Article] {
				errs = append(errs, &PlanError{Page: n, Article: b.Article, Reason: "no article has this ID", At: p.ref, Other: noRef})
				continue
			}
			placed[b.Article] = true
			if b.Part >= 0 {
				if pl.chains[b.Article] == nil {
					order = append(order, b.Article)
				}
				pl.chains[b.Article] = append(pl.chains[b.Article], p)
			}
			if !ok {
				continue
			}
			for _, q := range onPage {
				if p.Column < q.Column+q.Span && q.Column < p.Column+p.Span && p.Line < q.Line+q.Lines && q.Line < p.Line+p.Lines {
					errs = append(errs, &OverlapError{Page: n, A: q.Article, B: p.Article, AtA: q.ref, AtB: p.ref, BlockA: q.Block, BlockB: p.Block})
					break
				}
			}
			onPage = append(onPage, p)
		}
	}

	// Chains: parts 0, 1, … each once, never going back a page.
	for _, id := range order {
		ch := pl.chains[id]
		slices.SortStableFunc(ch, func(a, b *planned) int { return a.Part - b.Part })
		var prev *planned // the last part placed
		for _, p := range ch {
			next := 0
			if prev != nil {
				next = prev.Part + 1
			}
			switch {
			case prev != nil && p.Part == prev.Part:
				errs = append(errs, &ChainError{Article: id, Part: p.Part, Kind: PartRepeated, At: p.ref, Other: prev.ref,
					Reason: "this part is placed twice"})
				continue
			case p.Part > next:
				errs = append(errs, &ChainError{Article: id, Part: next, Kind: PartMissing, At: p.ref, Other: noRef,
					Reason: fmt.Sprintf("part %d is placed but part %d is not", p.Part, next)})
			case prev != nil && pl.numbers[p.page] < pl.numbers[prev.page]:
				errs = append(errs, &ChainError{Article: id, Part: p.Part, Kind: PartBackwards, At: p.ref, Other: prev.ref,
					Reason: fmt.Sprintf("continues backwards, from page %d to page %d", pl.numbers[prev.page], pl.numbers[p.page])})
			}
			prev = p
		}
	}
	// Every article on a page: a story the plan forgets must not vanish.
	if len(ed.Pages) > 0 {
		for i, a := range ed.Articles {
			if a.ID != "" && !placed[a.ID] {
				errs = append(errs, &UnplacedError{Article: a.ID, Index: i})
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return pl, nil
}

// editionFormat is the edition's format, Tabloid if it has none.
func editionFormat(ed *Edition) Format {
	if ed.Format.Columns == 0 && ed.Format.PaperW == 0 {
		return Tabloid()
	}
	return ed.Format
}

// checkBlock checks that a block is inside the grid g. page is its page's
// number.
func checkBlock(g Grid, p *planned, page int) error {
	bad := func(format string, a ...any) error {
		return &GridError{Article: p.Article, Page: page, Reason: fmt.Sprintf(format, a...), At: p.ref}
	}
	switch {
	case p.Column < 0 || p.Column >= g.Columns:
		return bad("column %d is outside the grid's columns 0–%d", p.Column, g.Columns-1)
	case p.Span < 1 || p.Column+p.Span > g.Columns:
		return bad("columns %d–%d are outside the grid's columns 0–%d", p.Column, p.Column+p.Span-1, g.Columns-1)
	case p.Line < 0 || p.Line >= g.Lines:
		return bad("line %d is outside the grid's lines 0–%d", p.Line, g.Lines-1)
	case p.Lines < 1 || p.Line+p.Lines > g.Lines:
		return bad("lines %d–%d are outside the grid's lines 0–%d", p.Line, p.Line+p.Lines-1, g.Lines-1)
	case p.HeadSpan < 0:
		return bad("head-span %d is negative", p.HeadSpan)
	case p.HeadSpan > p.Span:
		return bad("head-span %d is wider than the block's %d columns", p.HeadSpan, p.Span)
	case p.Part < 0:
		return bad("part %d is negative", p.Part)
	}
	return nil
}

// planned lays out the pages of a plan checkPlan passed.
func (e *engine) planned(pl *checkedPlan) error {
	for i, pp := range e.ed.Pages {
		e.newPage(pl.numbers[i], pp.Name)
	}
	// Set each article through its chain, in the edition's order.
	var errs []error
	for _, a := range e.ed.Articles {
		if err := e.setChain(a, pl.chains[a.ID]); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
