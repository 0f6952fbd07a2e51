// Package manuscript reads the copy a newsroom sends — plain text as editors
// and e-mail deliver it, Markdown with YAML front matter, and IPTC NITF 3.x
// XML — and turns it into layout.Article values, repairing what extraction
// and e-mail do to text and reporting every repair and doubt as a Warning
// that names the file and line, so an editor can check it.
//
// The package knows about input formats, character encodings (UTF-8 with or
// without BOM, UTF-16 with BOM, GB18030/GBK) and the conventions of Chinese
// news copy: headline lines, 电头 datelines (本报讯, 本报…电, 新华社…电,
// 据…电) and bylines (记者…, 通讯员…, 文/图…). It does no line breaking,
// page layout or rendering, and never imports fpdf or an image encoder. It
// knows fonts only as far as an edition plan names them: Plan.Fonts opens
// the faces a plan gives (with package fonts), and ParsePlan reads the
// style values of package typeset.
//
// Text is never dropped silently: whatever is not markup or whitespace ends
// up in an article field, in an Article's Images or Abstract, or is named in
// a Warning or an Error.
//
// White space inside a paragraph or field is normalised in every format,
// so that only text and single spaces reach the font layer: a line break
// joins the text on either side without a space next to a CJK character
// and with one space between Latin words; tabs and other Unicode spaces
// become one ASCII space, and a run of spaces one space; the ideographic
// space U+3000 is kept. A control character that is not white space
// (U+0007, or a C1 control such as U+0081) is an input error naming the
// file, the line and the code point, whether it is in the file or written
// as an escape of the markup (YAML "\a", XML &#x81;).
//
// # Plain copy
//
// A plain file holds one or more articles. The rules, in the order they are
// applied to each non-blank line:
//
//   - An article ends after its byline: one or more consecutive lines made
//     only of credit words (记者, 本报记者, 通讯员, 实习生, 文/图, 摄影, …)
//     and short names. Byline lines are joined with a space.
//   - After a byline, or at the start of the file, a headline-shaped line
//     starts the next article. A headline-shaped line is at most 80
//     characters, contains no 。, does not end with ，、,；;：: and is neither a
//     dateline nor a byline.
//   - Inside an article, a headline-shaped line starts a new article only if
//     it is followed (after at most two more headline-shaped lines) by a
//     dateline paragraph; the article it ends gets a "structure" warning
//     because it had no byline.
//   - The head of an article is up to three headline-shaped lines; lines
//     after the first belong to it only if they start with —— or the head
//     is followed by a dateline or byline, otherwise they are body. One
//     line is split at its first run of white space between two CJK
//     characters into Headline and Subtitle, if both parts have at least 5
//     characters (so "稳增长 促改革" stays one headline, and Latin words
//     such as " and " never split). Two lines are
//     Headline and Subtitle, three are Kicker, Headline and Subtitle. The
//     first part always becomes Headline, even where a newspaper would set
//     the second part larger; a leading —— is removed from a subtitle.
//   - The first body paragraph may start with a dateline; it goes to
//     Article.Dateline (with a credit in brackets right after it, as in
//     本报讯（记者 张三）) and the white space after it is removed.
//   - Paragraphs are separated by blank lines; consecutive lines are one
//     paragraph unless the first ends with sentence-final punctuation or
//     the second is indented.
//   - A paragraph that does not end with sentence-final punctuation
//     (。！？!?….；;：: or a closing quote or bracket) was broken by
//     extraction: it is joined to the next paragraph unless that is a
//     byline or a headline (or, without a blank line between, indented).
//     Joins across blank lines are reported as "repair" warnings at the
//     line where the break is; joins of consecutive lines (hard-wrapped
//     e-mail) are silent. A paragraph left
//     unterminated gets a "check" warning.
//   - A short headline-shaped line between two complete paragraphs is a
//     crosshead (小标题), reported as a "crosshead" warning.
//   - Text before the first headline, or after a byline but not
//     headline-shaped, becomes an article without headline, with a warning.
//
// Half-width ,;:?! between CJK characters is kept, but reported once per
// paragraph ("punct"); Options.FixPunct converts it to ，；：？！.
// Doubled characters and other content are never touched.
//
// # Markdown
//
// One file is one article. Optional YAML front matter between --- lines with
// the keys kicker, title, subtitle, dateline, byline (text or list), priority
// (integer), section, id and jump (the short jump headline over the
// continued part of the article, layout.Article.Jump; true or false is an
// error); any other key is an error naming the line. A "# " heading is the headline when the front matter has no
// title; "## " and deeper headings are crossheads. Paragraphs are separated
// by blank lines; soft line breaks are joined, without a space between CJK
// characters. Images ![caption](path) are collected in Article.Images with a
// warning, links keep their text, emphasis markers are removed with a
// warning. A dateline or closing byline paragraph is recognised as in plain
// copy when the front matter does not give one.
//
// # NITF
//
// One NITF 3.x document is one article: hedline/hl1 is the headline, hl2 the
// subtitle (an hl2 before hl1 is the kicker), byline, dateline and abstract
// come from body.head, paragraphs from body.content (p, li, … ; hl1/hl2 there
// are crossheads; media captions become Images), a tagline is a last
// paragraph. docdata/doc-id's id-string is the article ID.
//
// # Edition plans
//
// ParsePlan reads an edition plan (YAML, described in PLAN.md): the paper
// format — a preset (对开, 四开, A3) changed by paper, margins, type area and
// grid —, the fonts by role, the style, the date and the paper's name, the
// manuscripts, and the pages with their article blocks, or no pages for
// automatic flow. The plan is strict: an unknown key (with the nearest
// known one suggested), a value of the wrong kind or out of range is an
// *Error naming the plan's line. Plan.Edition builds the layout.Edition
// and checks it with layout.CheckPlan — page numbers, every block against
// the grid, the other blocks and the articles' IDs, every chain of parts,
// every article placed —, naming the line of the page or block at fault;
// Plan.Fonts opens the fonts it names, relative to its folder, before the
// embedded ones.
//
// # Loading an edition
//
// Load does what a command line needs: it takes files, folders and "-"
// (standard input), finds the plan among them (or takes LoadOptions.Plan),
// reads the manuscripts — a folder's in lexical order, or in the order its
// plan lists them, warning about any it leaves out —, checks that article
// IDs are unique across files and returns the edition, its fonts and every
// warning. A folder's manuscripts are its files with the extensions .txt,
// .text, .md, .markdown, .xml and .nitf, except the files a folder holds
// for people — README*, LICENSE*, LICENCE* and CHANGELOG*, in any case —
// which are skipped silently (named as inputs, or listed by the plan, they
// are read). Every input error is an *Error (or several joined), so
// errors.As(err, new(*Error)) tells a mistake in the input from a failure
// of the program.
package manuscript
