package main

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/app/i18n"
)

const appID = "io.github.limber_app.limber"

// TestEnglishAgrees: the English texts in app/i18n are the ones
// FyneApp.toml (the desktop entry's source) and the metainfo say, so the
// translations translate what is shipped.
func TestEnglishAgrees(t *testing.T) {
	var app struct {
		LinuxAndBSD struct {
			GenericName, Comment string
			Keywords             []string
		}
	}
	if _, err := toml.DecodeFile(filepath.Join("..", "..", "FyneApp.toml"), &app); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", appID+".metainfo.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Summary []struct {
			Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Text string `xml:",chardata"`
		} `xml:"summary"`
	}
	if err := xml.Unmarshal(data, &meta); err != nil {
		t.Fatal(err)
	}
	summary := ""
	for _, s := range meta.Summary {
		if s.Lang == "" {
			summary = s.Text
		}
	}
	for key, want := range map[string]string{
		"app.generic-name": app.LinuxAndBSD.GenericName,
		"app.comment":      app.LinuxAndBSD.Comment,
		"app.keywords":     strings.Join(app.LinuxAndBSD.Keywords, ";") + ";",
		summaryKey:         summary,
	} {
		if got, err := i18n.Lookup("en", key); err != nil || got != want {
			t.Errorf("en %s = %q (%v), the shipped file says %q", key, got, err, want)
		}
	}
}

// TestKeywordLists: every language's keywords are a desktop-entry list:
// entries ending in ";", none empty.
func TestKeywordLists(t *testing.T) {
	for _, lang := range i18n.Languages() {
		kw, err := i18n.Lookup(lang, "app.keywords")
		if err != nil {
			t.Fatal(err)
		}
		body, ok := strings.CutSuffix(kw, ";")
		if !ok || slicesContainsEmpty(strings.Split(body, ";")) || strings.ContainsAny(kw, "=\n") {
			t.Errorf("%s: app.keywords %q is not a list like \"a;b;c;\"", lang, kw)
		}
	}
}

func slicesContainsEmpty(l []string) bool {
	for _, s := range l {
		if strings.TrimSpace(s) == "" {
			return true
		}
	}
	return false
}

func TestLocalizeDesktop(t *testing.T) {
	path := filepath.Join("..", "flatpak", appID+".desktop")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := localizeDesktop(string(data))
	if err != nil {
		t.Fatal(err)
	}
	// The Flatpak's entry is checked in as this tool writes it.
	if got != string(data) {
		t.Errorf("%s is not localized as packaging/l10n writes it: run go run ./packaging/l10n -desktop %s", path, path)
	}
	again, err := localizeDesktop(got)
	if err != nil || again != got {
		t.Errorf("a second run changed the entry (%v)", err)
	}
	for _, want := range []string{"Comment[de]=Erinnert dich", "GenericName[pt_BR]=", "Keywords[zh_CN]=", "Comment[ja]="} {
		if !strings.Contains(got, "\n"+want) {
			t.Errorf("localized entry lacks %q:\n%s", want, got)
		}
	}
	if _, err := localizeDesktop("[Desktop Entry]\nName=Limber\n"); err == nil {
		t.Error("an entry without Comment: no error")
	}
}

func TestLocalizeMetainfo(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", appID+".metainfo.xml"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := localizeMetainfo(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal([]byte(got), new(struct{})); err != nil {
		t.Errorf("localized metainfo is not XML: %v", err)
	}
	if n := strings.Count(got, "<summary xml:lang="); n != len(i18n.Languages())-1 {
		t.Errorf("%d translated summaries, want one per language but English (%d)", n, len(i18n.Languages())-1)
	}
	if !strings.Contains(got, `<summary xml:lang="zh_CN">提醒你起身`) {
		t.Errorf("no Chinese summary:\n%s", got)
	}
	if again, err := localizeMetainfo(got); err != nil || again != got {
		t.Errorf("a second run changed the metainfo (%v)", err)
	}
	if _, err := localizeMetainfo("<component></component>"); err == nil {
		t.Error("metainfo without a summary: no error")
	}
}

func TestLocaleName(t *testing.T) {
	for tag, want := range map[string]string{"de": "de", "ja": "ja", "pt-BR": "pt_BR", "zh-Hans": "zh_CN"} {
		if got := localeName(tag); got != want {
			t.Errorf("localeName(%q) = %q, want %q", tag, got, want)
		}
	}
}
