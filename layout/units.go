package layout

import (
	"fmt"
	"strconv"
	"strings"
)

// mm is one millimetre in points.
const mm = 72 / 25.4

// 字号 names and their sizes in points, by the Word/DTP table that FIT users
// expect (reference §6.3), largest first.
var sizeNames = []struct {
	name string
	pt   float64
}{
	{"初号", 42}, {"小初", 36}, {"一号", 26}, {"小一", 24}, {"二号", 22}, {"小二", 18},
	{"三号", 16}, {"小三", 15}, {"四号", 14}, {"小四", 12}, {"五号", 10.5}, {"小五", 9},
	{"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5}, {"八号", 5},
}

// sizeByName finds a 字号; "五" is accepted for "五号", "小五号" for "小五".
func sizeByName(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	t := strings.TrimSuffix(s, "号")
	for _, n := range sizeNames {
		if n.name == s || strings.TrimSuffix(n.name, "号") == t {
			return n.pt, true
		}
	}
	return 0, false
}

// SizeName is the 字号 name of a size in points, or "" if it has none.
func SizeName(pt float64) string {
	for _, n := range sizeNames {
		if abs(n.pt-pt) < 1e-9 {
			return n.name
		}
	}
	return ""
}

// ParseSize parses a type size: a 字号 name ("小五" → 9, "初号" → 42, by
// the Word/DTP table), or a length in pt, mm, cm, in or q ("9pt", "3.18mm";
// a bare number is points).
func ParseSize(s string) (float64, error) {
	if pt, ok := sizeByName(s); ok {
		return pt, nil
	}
	v, err := parseLength(s, 0)
	if err != nil {
		return 0, fmt.Errorf("size %q: %w", s, err)
	}
	if v <= 0 {
		return 0, fmt.Errorf("size %q: must be positive", s)
	}
	return v, nil
}

// ParseLength parses a length in points: "12mm", "1.2cm", "9pt", "0.5in",
// "20q" (Japanese/Chinese phototype quarter-millimetres), a bare number
// (points), a 字号 name (its size), or a count of characters of size em:
// "2em", "2字", "2char". em 0 refuses the relative forms.
func ParseLength(s string, em float64) (float64, error) {
	if pt, ok := sizeByName(s); ok {
		return pt, nil
	}
	v, err := parseLength(s, em)
	if err != nil {
		return 0, fmt.Errorf("length %q: %w", s, err)
	}
	return v, nil
}

func parseLength(s string, em float64) (float64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		pt     float64 // 0: relative to em
	}{
		{"mm", mm}, {"cm", 10 * mm}, {"pt", 1}, {"in", 72}, {"q", mm / 4}, {"Q", mm / 4},
		{"em", 0}, {"chars", 0}, {"char", 0}, {"个字", 0}, {"字", 0},
	}
	num, per := s, 1.0
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			num = strings.TrimSpace(strings.TrimSuffix(s, u.suffix))
			per = u.pt
			if u.pt == 0 {
				if em <= 0 {
					return 0, fmt.Errorf("%s needs a font size to be relative to", u.suffix)
				}
				per = em
			}
			break
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || num == "" {
		return 0, fmt.Errorf("want a number with a unit (mm, cm, pt, in, em, 字) or a 字号 name")
	}
	if v < 0 {
		return 0, fmt.Errorf("must not be negative")
	}
	return v * per, nil
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
