package layout

import (
	"fmt"
	"strings"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/typeset"
)

// Face is a font role and weight.
type Face struct {
	Role fonts.Role
	Bold bool
}

// Faces are the faces of an article's parts. Kicker, Headline and Subtitle
// are set at headline sizes, the rest at the body size.
type Faces struct {
	Kicker, Headline, Subtitle Face // 引题, 主题 (also the jump headline) and 副题
	Body, Dateline, Crosshead  Face
	Byline, Stamp              Face // bylines, 转版 stamps, folios
}

// Numerals are how page numbers are written in 转版 stamps and folios.
type Numerals int

const (
	Chinese Numerals = iota // （下转第二版）, as 人民日报
	Arabic                  // （下转第2版）
)

// BylinePlacement is where the byline (记者 …) goes.
type BylinePlacement int

const (
	BylineEnd           BylinePlacement = iota // on its own line at the end, flush right
	BylineAfterDateline                        // in brackets after the dateline: 本报讯（记者 张三）
)

// Frame is the rule around a block (边框).
type Frame int

const (
	NoFrame    Frame = iota
	ThinFrame        // 正线
	ThickFrame       // 反线
)

// ParseFrame accepts the frame names plans use: "" or none/无线, thin/正线/Z,
// thick/反线/F.
func ParseFrame(s string) (Frame, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "none", "无线", "w":
		return NoFrame, nil
	case "thin", "正线", "z":
		return ThinFrame, nil
	case "thick", "反线", "f":
		return ThickFrame, nil
	}
	return 0, fmt.Errorf("unknown frame %q (want none, thin/正线 or thick/反线)", s)
}

// Style is how a paper sets its articles. Start from DefaultStyle.
type Style struct {
	// Body sets body paragraphs: indent and the composer's rules. Headlines,
	// crossheads, bylines and stamps are set with the same rules, their
	// alignment and indent changed.
	Body typeset.Style

	// Ladder is the headline sizes in points, largest first; headlines are
	// fitted by walking down it. Default: 初号 to 五号.
	Ladder []float64
	// Steps is how many ladder steps the 引题 and 副题 start below the
	// 主题 (2).
	Steps int
	// HeadAlign is Center (default) or Left.
	HeadAlign typeset.Align
	// AutoHead caps the 主题 in automatic flow for every article but the
	// first (一号, 26 pt), so the lead stands out; 0: no cap.
	AutoHead float64
	// HeadLines is the most lines a 主题 may take; 0 means one for spans of
	// 4 or more columns and two otherwise.
	HeadLines int
	// HeadLeading is the space between two lines of one headline element,
	// in em of its size.
	HeadLeading float64
	// White space in the headline group, in body lines (reference §5.1):
	// above the group (when the block does not start the type area),
	// between its elements, and below it. The group's height is rounded up
	// to whole lines.
	WhiteAbove, WhiteBetween, WhiteBelow float64

	Faces Faces

	Numerals Numerals        // in 转版 stamps and folios
	Byline   BylinePlacement // where the byline goes

	ColumnRules bool    // a rule in the gutters between an article's columns
	Separators  bool    // rules between neighbouring articles
	ThinRule    float64 // 正线 width, points
	ThickRule   float64 // 反线 width, points
	Header      bool    // a 报眉 above the type area of pages after the first
}

// DefaultStyle is a mainland broadsheet's: body by typeset.DefaultStyle,
// headlines in bold Hei fitted down the 字号 ladder and centred, 引题 in Song
// and 副题 in Kai two steps smaller, datelines and crossheads in bold Hei,
// bylines and stamps in Kai, Chinese page numbers, separator rules.
func DefaultStyle() Style {
	var ladder []float64
	for _, n := range []string{"初号", "小初", "一号", "小一", "二号", "小二", "三号", "小三", "四号", "小四", "五号"} {
		pt, _ := sizeByName(n)
		ladder = append(ladder, pt)
	}
	return Style{
		Body:        typeset.DefaultStyle(),
		Ladder:      ladder,
		Steps:       2,
		AutoHead:    26,
		HeadAlign:   typeset.Center,
		HeadLeading: 0.2,
		WhiteAbove:  1, WhiteBetween: 0.5, WhiteBelow: 1,
		Faces: Faces{
			Kicker:    Face{Role: fonts.Song, Bold: true},
			Headline:  Face{Role: fonts.Hei, Bold: true},
			Subtitle:  Face{Role: fonts.Kai},
			Dateline:  Face{Role: fonts.Hei, Bold: true},
			Crosshead: Face{Role: fonts.Hei, Bold: true},
			Byline:    Face{Role: fonts.Kai},
			Stamp:     Face{Role: fonts.Kai},
			Body:      Face{Role: fonts.Song},
		},
		Separators: true,
		ThinRule:   0.5, ThickRule: 2,
		Header: true,
	}
}
