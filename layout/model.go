package layout

// Article is one story as the newsroom wrote it, before it is set.
type Article struct {
	ID       string // unique in the edition; plans refer to articles by it
	Source   string // where it came from, "file:line", for messages
	Kicker   string // 引题
	Headline string // 主题
	Subtitle string // 副题, without its leading ——
	Dateline string // 电头, e.g. 本报讯 or 新华社北京4月8日电
	Byline   string // 记者 … 通讯员 …
	Body     []Paragraph
	Priority int    // higher goes first in automatic flow
	Section  string // 版名 hint
	Jump     string // the jump headline over a continued part; "" repeats Headline
}

// Paragraph is one body paragraph or a crosshead (小标题).
type Paragraph struct {
	Text      string
	Crosshead bool
	Line      int // source line, for messages; 0 if unknown
}

// Chars counts the article's characters, the unit editors measure copy in.
func (a *Article) Chars() int {
	n := len([]rune(a.Kicker + a.Headline + a.Subtitle + a.Dateline + a.Byline))
	for _, p := range a.Body {
		n += len([]rune(p.Text))
	}
	return n
}
