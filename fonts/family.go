package fonts

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Role is what a family is used for on a newspaper page.
type Role int

const (
	Song     Role = iota // 宋体: body text
	Hei                  // 黑体: headlines, datelines, crossheads
	Kai                  // 楷体: subtitles, bylines, captions, jump stamps
	Fangsong             // 仿宋: documents quoted in full, notes
	numRoles
)

var roleNames = [numRoles]string{"song", "hei", "kai", "fangsong"}

func (r Role) String() string {
	if r < 0 || r >= numRoles {
		return fmt.Sprintf("Role(%d)", int(r))
	}
	return roleNames[r]
}

// ParseRole accepts the role names used in plans: song, hei, kai, fangsong
// (or 宋, 黑, 楷, 仿宋).
func ParseRole(s string) (Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "song", "宋", "宋体":
		return Song, nil
	case "hei", "黑", "黑体":
		return Hei, nil
	case "kai", "楷", "楷体":
		return Kai, nil
	case "fangsong", "仿宋", "仿宋体":
		return Fangsong, nil
	}
	return 0, fmt.Errorf("unknown font role %q (want song, hei, kai or fangsong)", s)
}

// Family is a regular face and, where one exists, a bold face.
type Family struct {
	Regular *Face
	Bold    *Face // nil: bold is synthesised from Regular
}

// Font is what a run of text is set in: a face, and whether bold must be
// synthesised (fill plus stroke) because the family has no bold face.
type Font struct {
	Face     *Face
	FakeBold bool
}

// Set holds a fallback chain of families for each role. The zero Set is
// empty; Default returns the embedded one.
type Set struct {
	chains [numRoles][]Family
}

// SetChain replaces the fallback chain of a role, first family first.
func (s *Set) SetChain(role Role, chain ...Family) { s.chains[role] = chain }

// Chain returns a role's fallback chain.
func (s *Set) Chain(role Role) []Family { return s.chains[role] }

// Font returns the font of the first family in role's chain that has r.
func (s *Set) Font(role Role, bold bool, r rune) (Font, error) {
	for _, fam := range s.chains[role] {
		if fam.Regular == nil || !fam.Regular.Has(r) {
			continue
		}
		if !bold {
			return Font{Face: fam.Regular}, nil
		}
		if fam.Bold != nil && fam.Bold.Has(r) {
			return Font{Face: fam.Bold}, nil
		}
		return Font{Face: fam.Regular, FakeBold: true}, nil
	}
	return Font{}, &MissingGlyphError{Rune: r, Chain: role.String()}
}

// Span is a piece of text set in one font.
type Span struct {
	Text string
	Font Font
}

// Split cuts text into spans by the font the role's chain gives each rune.
// A rune no face covers is a *MissingGlyphError naming it. Control
// characters are refused the same way: no face has them.
func (s *Set) Split(role Role, bold bool, text string) ([]Span, error) {
	var spans []Span
	start := 0
	var cur Font
	for i, r := range text {
		if r == utf8.RuneError {
			return nil, fmt.Errorf("invalid UTF-8 at byte %d", i)
		}
		f, err := s.Font(role, bold, r)
		if err != nil {
			return nil, err
		}
		if i > 0 && f != cur {
			spans = append(spans, Span{Text: text[start:i], Font: cur})
			start = i
		}
		cur = f
	}
	if start < len(text) {
		spans = append(spans, Span{Text: text[start:], Font: cur})
	}
	return spans, nil
}

// MissingGlyphError says that no face has a character. Layout fills in
// where it was found: the article and paragraph, or the part of the page.
type MissingGlyphError struct {
	Rune      rune
	Chain     string // the role or face that was searched
	Article   string
	Paragraph int    // 1-based; 0 if not in a body paragraph
	Where     string // the element, when not a body paragraph: "headline", "byline", "报眉 of page 2"
}

func (e *MissingGlyphError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "no font has %q (U+%04X)", e.Rune, e.Rune)
	if e.Rune > 0xFFFF {
		b.WriteString(", a character outside the Basic Multilingual Plane, which banmian cannot set yet")
	}
	if e.Chain != "" {
		fmt.Fprintf(&b, " in the %s fonts", e.Chain)
	}
	if e.Article != "" {
		fmt.Fprintf(&b, ", article %q", e.Article)
	}
	if e.Paragraph > 0 {
		fmt.Fprintf(&b, ", paragraph %d", e.Paragraph)
	}
	if e.Where != "" {
		b.WriteString(", " + e.Where)
	}
	return b.String()
}

// MarshalJSON describes the font by its face's name and source, for
// display-list dumps.
func (f Font) MarshalJSON() ([]byte, error) {
	if f.Face == nil {
		return []byte("null"), nil
	}
	return json.Marshal(struct {
		Face     string `json:"face"`
		Source   string `json:"source"`
		FakeBold bool   `json:"fakeBold,omitempty"`
	}{f.Face.Name(), f.Face.Source(), f.FakeBold})
}
