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
// its number. Text is never lost silently: what does not fit is an error
// (*OverflowError) unless Options.Overset asks for a mark, and an article
// the plan leaves out is an *UnplacedError. Other plan mistakes are
// *GridError, *OverlapError, *ChainError and *PlanError; a character no
// face has is a *fonts.MissingGlyphError naming the article and where in
// it (paragraph, headline, byline…) or the page of the 报眉.
func Layout(ed *Edition, set *fonts.Set, opt Options) ([]Page, error) {
	e, err := newEngine(ed, set, opt)
	if err != nil {
		return nil, err
	}
	if len(ed.Pages) == 0 {
		err = e.auto()
	} else {
		err = e.planned()
	}
	if err != nil {
		return nil, err
	}
	if err := e.finish(); err != nil {
		return nil, err
	}
	return e.pages, nil
}

// planned lays out the pages of the plan.
func (e *engine) planned() error {
	ed := e.ed
	byID := map[string]*Article{}
	for _, a := range ed.Articles {
		if a.ID == "" {
			return &PlanError{Article: a.Headline, Reason: "article has no ID"}
		}
		if byID[a.ID] != nil {
			return &PlanError{Article: a.ID, Reason: "two articles have this ID"}
		}
		byID[a.ID] = a
	}

	// Pages, numbered.
	seen := map[int]bool{}
	for i, pp := range ed.Pages {
		n := pp.Number
		if n == 0 {
			n = i + 1
		}
		if n < 0 {
			return &PlanError{Page: n, Reason: "page number is negative"}
		}
		if seen[n] {
			return &PlanError{Page: n, Reason: "two pages have this number"}
		}
		seen[n] = true
		e.newPage(n, pp.Name)
	}

	// Blocks: inside the grid, not overlapping, known articles.
	var errs []error
	chains := map[string][]*planned{}
	var order []string
	for pi, pp := range ed.Pages {
		pg := e.pages[pi].Number
		var onPage []*planned
		for _, b := range pp.Blocks {
			p := &planned{Block: b, page: pi}
			if b.Span == 0 {
				p.Span = e.grid.Columns - b.Column
			}
			if b.Lines == 0 {
				p.Lines = e.grid.Lines - b.Line
			}
			if err := e.checkBlock(p, pg); err != nil {
				errs = append(errs, err)
				continue
			}
			if byID[b.Article] == nil {
				errs = append(errs, &PlanError{Page: pg, Article: b.Article, Reason: "no article has this ID"})
				continue
			}
			for _, q := range onPage {
				if p.Column < q.Column+q.Span && q.Column < p.Column+p.Span && p.Line < q.Line+q.Lines && q.Line < p.Line+p.Lines {
					errs = append(errs, &OverlapError{Page: pg, A: q.Article, B: p.Article})
				}
			}
			onPage = append(onPage, p)
			if chains[b.Article] == nil {
				order = append(order, b.Article)
			}
			chains[b.Article] = append(chains[b.Article], p)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}

	// Chains: parts 0, 1, … each once, never going back a page.
	for _, id := range order {
		ch := chains[id]
		slices.SortStableFunc(ch, func(a, b *planned) int { return a.Part - b.Part })
		for i, p := range ch {
			switch {
			case p.Part < i:
				errs = append(errs, &ChainError{Article: id, Part: p.Part, Reason: "this part is placed twice"})
			case p.Part > i:
				errs = append(errs, &ChainError{Article: id, Part: i, Reason: fmt.Sprintf("part %d is placed but part %d is not", p.Part, i)})
			case i > 0 && e.pages[p.page].Number < e.pages[ch[i-1].page].Number:
				errs = append(errs, &ChainError{Article: id, Part: p.Part, Reason: fmt.Sprintf(
					"continues backwards, from page %d to page %d", e.pages[ch[i-1].page].Number, e.pages[p.page].Number)})
			}
			if p.Part != i {
				break
			}
		}
	}
	// Every article on a page: a story the plan forgets must not vanish.
	for _, a := range ed.Articles {
		if chains[a.ID] == nil {
			errs = append(errs, &UnplacedError{Article: a.ID})
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}

	// Set each article through its chain, in the edition's order.
	for _, a := range ed.Articles {
		if err := e.setChain(a, chains[a.ID]); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// planned is a block of the plan, its zero sizes filled in.
type planned struct {
	Block
	page int // index in e.pages
}

func (e *engine) checkBlock(p *planned, page int) error {
	g := e.grid
	bad := func(format string, a ...any) error {
		return &GridError{Article: p.Article, Page: page, Reason: fmt.Sprintf(format, a...)}
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
	case p.HeadSpan < 0 || p.HeadSpan > p.Span:
		return bad("the headline spans %d columns of a block of %d", p.HeadSpan, p.Span)
	case p.Part < 0:
		return bad("part %d is negative", p.Part)
	}
	return nil
}
