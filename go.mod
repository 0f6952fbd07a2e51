module github.com/banmian/banmian

go 1.26.0

require (
	codeberg.org/go-pdf/fpdf v0.12.0
	github.com/rivo/uniseg v0.4.7
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/image v0.48.0
	golang.org/x/text v0.44.0
)

require golang.org/x/sys v0.50.0 // indirect
