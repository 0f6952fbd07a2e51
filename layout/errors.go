package layout

import "fmt"

// The errors Layout returns for a plan it cannot carry out. Several are
// joined (errors.Join) when there are several; find them with errors.As.
// A command line maps them all to one exit status.
//
// The errors about the plan (*GridError, *OverlapError, *ChainError,
// *PlanError) say where in Edition.Pages they are, with a PlanRef, so a
// tool that reads the plan from a file can name the line.

// PlanRef locates an entry of an edition's plan: Page is the index of a
// page in Edition.Pages, Block the index of a block in that page's Blocks.
// Block is -1 for the page itself; both are -1 for no entry of the plan
// (automatic flow, an article, the format).
type PlanRef struct {
	Page, Block int
}

// noRef is the PlanRef of no entry of the plan.
var noRef = PlanRef{-1, -1}

// IsBlock reports whether r locates a block.
func (r PlanRef) IsBlock() bool { return r.Page >= 0 && r.Block >= 0 }

// IsPage reports whether r locates a page (and no block of it).
func (r PlanRef) IsPage() bool { return r.Page >= 0 && r.Block < 0 }

// OverflowError is text that does not fit the last block of its article's
// chain. Lines is how many lines are over, at that block's measure.
type OverflowError struct {
	Article string
	Page    int // the page of the last block
	Lines   int
}

func (e *OverflowError) Error() string {
	return fmt.Sprintf("article %s does not fit its block on page %d: %d lines over (give it more lines, a continuation, or cut copy)",
		e.Article, e.Page, e.Lines)
}

// FitError is a block its article cannot be set in at all, whatever the
// length of its copy: columns narrower than a character, too few lines for
// its headline group, no room for a 转版 stamp. Like an *OverflowError, it
// is text that does not fit, not a block outside the grid (*GridError).
type FitError struct {
	Article string
	Page    int
	Reason  string
	At      PlanRef // the block; {-1, -1} in automatic flow
}

func (e *FitError) Error() string {
	return fmt.Sprintf("page %d: block of article %s: %s", e.Page, e.Article, e.Reason)
}

// GridError is a block that is not inside the grid: columns or lines
// outside it, a headline wider than the block, a negative part.
type GridError struct {
	Article string
	Page    int
	Reason  string
	At      PlanRef // the block
}

func (e *GridError) Error() string {
	return fmt.Sprintf("page %d: block of article %s: %s", e.Page, e.Article, e.Reason)
}

// OverlapError is two blocks that share grid cells. A block is reported
// once, with the first block before it on its page that it overlaps.
type OverlapError struct {
	Page int
	A, B string // the articles, A's block first in the page's Blocks

	AtA, AtB PlanRef // the blocks
	// BlockA and BlockB are the blocks with their zero Span and Lines
	// filled in: the cells they cover.
	BlockA, BlockB Block
}

func (e *OverlapError) Error() string {
	cells := func(b Block) string {
		return fmt.Sprintf("columns %d–%d, lines %d–%d", b.Column, b.Column+b.Span-1, b.Line, b.Line+b.Lines-1)
	}
	return fmt.Sprintf("page %d: the blocks of articles %s (%s) and %s (%s) overlap", e.Page, e.A, cells(e.BlockA), e.B, cells(e.BlockB))
}

// ChainKind is what is wrong with a continuation chain.
type ChainKind int

const (
	// PartMissing: a part is placed but the one before it is not.
	PartMissing ChainKind = iota + 1
	// PartRepeated: two blocks place the same part.
	PartRepeated
	// PartBackwards: a part is on an earlier page than the part before it.
	PartBackwards
)

// ChainError is a continuation chain that cannot be followed: a missing or
// repeated part, or a part on an earlier page than the one before it.
type ChainError struct {
	Article string
	Part    int // the part missing, repeated or going backwards
	Reason  string
	Kind    ChainKind
	// At is the block at fault: the part after the missing one, the second
	// block of a repeated part, the part that goes backwards. Other is the
	// block it is at odds with: the first block of the repeated part, the
	// part before the one going backwards; {-1, -1} for a missing part.
	At, Other PlanRef
}

func (e *ChainError) Error() string {
	return fmt.Sprintf("article %s, part %d: %s", e.Article, e.Part, e.Reason)
}

// UnplacedError is an article of the edition that no block of the plan
// places: laying out without it would lose a whole story.
type UnplacedError struct {
	Article string
	Index   int // the article's index in Edition.Articles
}

func (e *UnplacedError) Error() string {
	return fmt.Sprintf("article %s is not placed on any page (give it a block in the plan, or leave it out of the edition)", e.Article)
}

// PlanError is any other plan that cannot be laid out: an unknown article,
// a bad or repeated page number, a bad format, articles without an ID or
// with the same one, a 报眉 that does not fit.
type PlanError struct {
	Page    int // 0 if not about a page
	Article string
	Reason  string
	// At is the block of an unknown article ID, or the page of a bad page
	// number or 报眉; {-1, -1} for the rest. Other is, for a repeated page
	// number, the first page with that number; {-1, -1} otherwise.
	At, Other PlanRef
}

func (e *PlanError) Error() string {
	s := "plan"
	if e.Page > 0 {
		s += fmt.Sprintf(", page %d", e.Page)
	}
	if e.Article != "" {
		s += ", article " + e.Article
	}
	return s + ": " + e.Reason
}

// Warning is something an editor should know that does not stop the run:
// a block with lines to spare, a headline that did not fit, overset text
// shown by its mark.
type Warning struct {
	Page    int // 0 if not about a page
	Article string
	Message string
}

func (w Warning) String() string {
	s := ""
	if w.Page > 0 {
		s = fmt.Sprintf("page %d: ", w.Page)
	}
	if w.Article != "" {
		s += "article " + w.Article + ": "
	}
	return s + w.Message
}
