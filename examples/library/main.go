// Command library builds a two-page edition in Go, without manuscript
// files or a plan: a lead article that jumps from page 1 to page 2, and a
// brief. It writes library.pdf and a PNG proof of each page.
//
//	go run ./examples/library
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/layout"
	"github.com/banmian/banmian/layout/pdf"
	"github.com/banmian/banmian/layout/raster"
)

func main() {
	set, err := fonts.Default() // the embedded Song, Hei and Kai families
	if err != nil {
		log.Fatal(err)
	}

	lead := &layout.Article{
		ID:       "lead",
		Kicker:   "落实全区生态建设工作要点",
		Headline: "打造天蓝地绿水净的美丽管城",
		Subtitle: "全年计划投资12.3亿元 完成生态绿化450万平方米",
		Dateline: "本报讯",
		Byline:   "记者 柴琳琳 通讯员 姜璞",
	}
	for i := 0; i < 14; i++ {
		lead.Body = append(lead.Body, layout.Paragraph{Text: "2018年，管城区以助力郑州国家中心城市建设为统揽，" +
			"全面融入国家园林城市创建工作，按照“大生态、大环保、大格局、大统筹”，着力实施全域增绿行动。" +
			"高标准开展机场高速、京广快速路南延、紫荆山南路南延等6条生态廊道建设。"})
	}
	brief := &layout.Article{
		ID:       "brief",
		Headline: "内蒙古人防办考察管城区人防工作",
		Dateline: "本报讯",
		Body: []layout.Paragraph{{Text: "3月11日，内蒙古自治区人防办一行5人到管城区四十五中学" +
			"调研考察人防“五进”宣传教育工作。"}},
		Byline: "记者 柴琳琳",
	}

	ed := &layout.Edition{
		Name:     "管城报",
		Date:     "2018年3月16日 星期五",
		Format:   layout.Tabloid(),
		Articles: []*layout.Article{lead, brief},
		Pages: []layout.PagePlan{
			{Number: 1, Name: "要闻", Blocks: []layout.Block{
				// The lead: 4 columns, the top 30 lines; what does not fit
				// continues on page 2 (part 1 of its chain).
				{Article: "lead", Column: 0, Span: 4, Line: 0, Lines: 30},
				{Article: "brief", Column: 4, Span: 2, Line: 0, Lines: 12},
			}},
			{Number: 2, Name: "综合", Blocks: []layout.Block{
				{Article: "lead", Part: 1, Column: 0, Span: 3, Line: 0, Lines: 60},
			}},
		},
	}
	pages, err := layout.Layout(ed, set, layout.Options{Warn: func(w layout.Warning) { log.Print(w) }})
	if err != nil {
		log.Fatal(err)
	}
	if err := pdf.WriteFile("library.pdf", pages, pdf.Options{Title: ed.Name}); err != nil {
		log.Fatal(err)
	}
	for i := range pages {
		name := fmt.Sprintf("library-%d.png", pages[i].Number)
		f, err := os.Create(name)
		if err != nil {
			log.Fatal(err)
		}
		if err := raster.WritePNG(f, &pages[i], 72); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("wrote library.pdf and %d proofs\n", len(pages))
}
