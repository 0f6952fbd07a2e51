package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress reports page counts on a terminal, for editions of more than a
// few pages; it says nothing when stderr is a file or a pipe.
type progress struct {
	w     io.Writer
	total int
	on    bool
	start time.Time
}

func newProgress(w io.Writer, total int, quiet bool) *progress {
	p := &progress{w: w, total: total, start: time.Now()}
	if f, ok := w.(*os.File); ok && !quiet && total > 3 {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) step(i int, what string) {
	if p.on {
		fmt.Fprintf(p.w, "\r%s %d/%d", what, i, p.total)
	}
}

func (p *progress) done() {
	if p.on {
		fmt.Fprintf(p.w, "\r%d pages in %.1fs\n", p.total, time.Since(p.start).Seconds())
	}
}
