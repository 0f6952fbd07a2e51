package manuscript

import (
	"fmt"
	"strconv"
)

// Warning is something an editor should check: a repair made to the copy, a
// doubt about its structure, or something that is not set yet.
type Warning struct {
	File string
	Line int    // 1-based; 0 if the warning concerns the whole file
	Kind string // see the Kind… constants
	Msg  string
}

// Warning kinds.
const (
	KindRepair      = "repair"      // a paragraph broken by extraction was joined
	KindPunct       = "punct"       // half-width punctuation between CJK characters
	KindCheck       = "check"       // suspicious text left as it is
	KindStructure   = "structure"   // a doubt about article boundaries or parts
	KindCrosshead   = "crosshead"   // a short line was taken as a crosshead
	KindUnsupported = "unsupported" // kept aside or simplified, not set yet
	KindMarkup      = "markup"      // markup removed, its text kept
)

// String formats the warning as "file:line: msg".
func (w Warning) String() string {
	return position(w.File, w.Line) + ": " + w.Msg
}

// Error is an input error. It always names the file and, where known, the
// line and the byte offset.
type Error struct {
	File   string
	Line   int // 1-based; 0 if unknown
	Offset int // byte offset into the file; -1 if not applicable
	Msg    string
}

func (e *Error) Error() string {
	s := position(e.File, e.Line) + ": " + e.Msg
	if e.Offset >= 0 {
		s += " (byte offset " + strconv.Itoa(e.Offset) + ")"
	}
	return s
}

func position(file string, line int) string {
	if file == "" {
		file = "-"
	}
	if line > 0 {
		return file + ":" + strconv.Itoa(line)
	}
	return file
}

func errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Offset: -1, Msg: fmt.Sprintf(format, args...)}
}
