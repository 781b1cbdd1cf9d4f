package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"strings"
	"time"
)

// release is one <release> of the AppStream metainfo: the release notes
// every package format shows.
type release struct {
	Version string `xml:"version,attr"`
	Date    string `xml:"date,attr"`
	Notes   []struct {
		Text string `xml:",chardata"`
	} `xml:"description>p"`
}

// metainfo is what the packages take from the AppStream file, so that the
// summary and release notes are written once.
type metainfo struct {
	ID string `xml:"id"`
	// Summary is the English summary; Summaries are all of them, with
	// the translations packaging/l10n adds (xml:lang set).
	Summary   string `xml:"-"`
	Summaries []struct {
		Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Text string `xml:",chardata"`
	} `xml:"summary"`
	Description []string `xml:"description>p"`
	Items       []string `xml:"description>ul>li"`
	URLs        []struct {
		Type string `xml:"type,attr"`
		URL  string `xml:",chardata"`
	} `xml:"url"`
	License  string    `xml:"project_license"`
	Releases []release `xml:"releases>release"`
}

func readMetainfo(path string) (metainfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return metainfo{}, fmt.Errorf("read the metainfo: %w", err)
	}
	var m metainfo
	if err := xml.Unmarshal(data, &m); err != nil {
		return metainfo{}, fmt.Errorf("parse %s: %w", path, err)
	}
	for _, s := range m.Summaries {
		if s.Lang == "" {
			m.Summary = strings.TrimSpace(s.Text)
		}
	}
	if m.ID == "" || m.Summary == "" || m.License == "" || m.homepage() == "" || len(m.Releases) == 0 {
		return metainfo{}, fmt.Errorf("%s lacks an id, summary, project_license, homepage url or release", path)
	}
	for _, r := range m.Releases {
		if _, err := time.Parse(time.DateOnly, r.Date); err != nil {
			return metainfo{}, fmt.Errorf("%s: release %s: date %q is not YYYY-MM-DD", path, r.Version, r.Date)
		}
	}
	return m, nil
}

// homepage is the <url type="homepage">.
func (m metainfo) homepage() string {
	for _, u := range m.URLs {
		if u.Type == "homepage" {
			return strings.TrimSpace(u.URL)
		}
	}
	return ""
}

// newest is the version of the first (newest) release.
func (m metainfo) newest() string { return m.Releases[0].Version }

// longDescription is the description as paragraphs wrapped at 72
// columns, each list item a paragraph of its own, for the package's
// extended description. (nFPM trims every line of a .deb description, so
// a list cannot be indented as Debian wants its lists.)
func (m metainfo) longDescription() string {
	var paras []string
	for i, p := range m.Description {
		paras = append(paras, wrap(p, 72))
		if i == 0 {
			for _, it := range m.Items {
				paras = append(paras, wrap(strings.TrimSuffix(fold(it), ".")+".", 72))
			}
		}
	}
	return strings.Join(paras, "\n\n")
}

// fold joins the XML's indented lines into one line.
func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// wrap joins the XML's indented lines and breaks them into lines of at
// most width columns (a longer word stays whole).
func wrap(s string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
