package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"github.com/limber-app/limber/app/i18n"
)

// desktopField is a desktop entry key with a translation.
type desktopField struct{ name, key string }

func desktopFields() []desktopField {
	return []desktopField{
		{"GenericName", "app.generic-name"},
		{"Comment", "app.comment"},
		{"Keywords", "app.keywords"},
	}
}

// summaryKey is the translation key of the AppStream summary.
const summaryKey = "app.summary"

// localized matches a translated desktop-entry line or AppStream summary
// that an earlier run wrote.
var (
	localizedEntry   = regexp.MustCompile(`^(GenericName|Comment|Keywords)\[[^]]+\]=`)
	localizedSummary = regexp.MustCompile(`^\s*<summary xml:lang="[^"]+">`)
)

// localizeDesktop adds Key[locale]=text after each translated key of the
// desktop entry, for every language but English, and drops the ones an
// earlier run added.
func localizeDesktop(entry string) (string, error) {
	out, found, err := insertTranslations(entry, localizedEntry, func(line string) ([]string, bool, error) {
		for _, f := range desktopFields() {
			if strings.HasPrefix(line, f.name+"=") {
				lines, err := each(func(locale, text string) string { return f.name + "[" + locale + "]=" + text }, f.key)
				return lines, true, err
			}
		}
		return nil, false, nil
	})
	if err == nil && found != len(desktopFields()) {
		err = fmt.Errorf("want one each of GenericName, Comment and Keywords, found %d", found)
	}
	return out, err
}

// localizeMetainfo adds <summary xml:lang="…"> after the English summary,
// for every language but English, and drops the ones an earlier run added.
func localizeMetainfo(meta string) (string, error) {
	out, found, err := insertTranslations(meta, localizedSummary, func(line string) ([]string, bool, error) {
		if !strings.HasPrefix(strings.TrimSpace(line), "<summary>") {
			return nil, false, nil
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		lines, err := each(func(locale, text string) string {
			return fmt.Sprintf(`%s<summary xml:lang="%s">%s</summary>`, indent, locale, escape(text))
		}, summaryKey)
		return lines, true, err
	})
	if err == nil && found != 1 {
		err = fmt.Errorf("want one <summary>, found %d", found)
	}
	return out, err
}

// insertTranslations drops the lines of text that stale matches (what an
// earlier run wrote) and puts after each line the lines translate gives
// for it; found counts the lines translate took.
func insertTranslations(text string, stale *regexp.Regexp, translate func(line string) ([]string, bool, error)) (out string, found int, err error) {
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if stale.MatchString(line) {
			continue
		}
		lines = append(lines, line)
		more, ok, err := translate(line)
		if err != nil {
			return "", 0, err
		}
		if ok {
			found++
			lines = append(lines, more...)
		}
	}
	return strings.Join(lines, "\n"), found, nil
}

// each formats key's text in every shipped language but English, in the
// order of i18n.Languages.
func each(format func(locale, text string) string, key string) ([]string, error) {
	var out []string
	for _, lang := range i18n.Languages() {
		if lang == "en" {
			continue
		}
		text, err := i18n.Lookup(lang, key)
		if err != nil {
			return nil, err
		}
		out = append(out, format(localeName(lang), text))
	}
	return out, nil
}

// localeName is the locale a desktop entry or AppStream file names a
// language by: "de" for de, "pt_BR" for pt-BR, "zh_CN" for zh-Hans (the
// spec matches LANG's lang_COUNTRY, which has no script).
func localeName(tag string) string {
	t := language.Make(tag)
	base, _ := t.Base()
	if !strings.Contains(tag, "-") {
		return base.String()
	}
	region, _ := t.Region()
	return base.String() + "_" + region.String()
}

func escape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s)) // writes to a buffer: cannot fail
	return b.String()
}
