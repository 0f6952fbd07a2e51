// Package layout places articles on newspaper pages and produces the
// display list ([]Page) that the renderers draw.
//
// It knows page formats and the baseline grid, articles and their
// headline groups, article blocks and their columns, continuation (转版)
// between pages, rules and frames. It sets every line of text through
// typeset and finds faces through fonts.
//
// It must not know fpdf, image encoders, manuscript formats or files: it
// takes an Edition (built by hand or by layout/manuscript) and returns
// pages.
//
// All lengths are points, y grows down from the top of the page. Grid
// positions (columns, lines, parts of a chain) count from 0.
package layout
