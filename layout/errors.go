package layout

import "fmt"

// The errors Layout returns for a plan it cannot carry out. Several are
// joined (errors.Join) when there are several; find them with errors.As.
// A command line maps them all to one exit status.

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

// GridError is a block that is not inside the grid, or cannot hold its
// article.
type GridError struct {
	Article string
	Page    int
	Reason  string
}

func (e *GridError) Error() string {
	return fmt.Sprintf("page %d: block of article %s: %s", e.Page, e.Article, e.Reason)
}

// OverlapError is two blocks that share grid cells.
type OverlapError struct {
	Page int
	A, B string // the articles
}

func (e *OverlapError) Error() string {
	return fmt.Sprintf("page %d: the blocks of articles %s and %s overlap", e.Page, e.A, e.B)
}

// ChainError is a continuation chain that cannot be followed: a missing or
// repeated part, or a part on an earlier page than the one before it.
type ChainError struct {
	Article string
	Part    int
	Reason  string
}

func (e *ChainError) Error() string {
	return fmt.Sprintf("article %s, part %d: %s", e.Article, e.Part, e.Reason)
}

// UnplacedError is an article of the edition that no block of the plan
// places: laying out without it would lose a whole story.
type UnplacedError struct {
	Article string
}

func (e *UnplacedError) Error() string {
	return fmt.Sprintf("article %s is not placed on any page (give it a block in the plan, or leave it out of the edition)", e.Article)
}

// PlanError is any other plan that cannot be laid out: an unknown article,
// a repeated page number, a bad format.
type PlanError struct {
	Page    int // 0 if not about a page
	Article string
	Reason  string
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
