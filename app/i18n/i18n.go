// Package i18n translates Limber's user-facing text with Fyne's lang
// package. It owns the translation files (translations/*.json, embedded in
// the binary) and the few rules for translating library content at the UI
// edge, so that the pure packages (routines, reminders) stay free of Fyne
// and of any notion of language.
//
// The language follows the system locale (LC_ALL, LC_MESSAGES, LANG, then
// LANGUAGE, as Fyne reads them): LANG=de_DE.UTF-8 selects German, and
// LANG=C or a language Limber does not ship selects English.
//
// Keys are short, stable IDs ("tray.start", "stretch.cat-camel.cue.1"); the
// English text lives only in translations/en.json, which is also the
// fallback for a key another language lacks.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	// Before Fyne's lang package initialises: see its package doc.
	_ "github.com/limber-app/limber/app/i18n/posixlocale"
)

// dir is the folder of the embedded translation files, one per language,
// named by its BCP 47 tag: en.json, de.json, pt-BR.json, zh-Hans.json. A
// region or script is part of the name only where the language needs it,
// and then spelled as Fyne's own translations spell it, so that Limber's
// and Fyne's messages land in one go-i18n language (Fyne's pt_BR and
// zh_Hans).
const dir = "translations"

//go:embed translations/*.json
var files embed.FS

// Args are the named values a message's placeholders refer to, e.g.
// {{.Minutes}}.
type Args = map[string]any

// Init registers the translations with Fyne and picks the language from
// the system locale. The daemon and every window process call it before
// they show anything. Fyne keeps translations in process-wide state, so
// Init does its work once per process; later calls return the first
// result. Under the C and POSIX locales, package posixlocale has already
// made the locale readable to Fyne.
func Init() error {
	return initOnce()
}

var initOnce = sync.OnceValue(Reload)

// Reload registers the translations again and re-reads the locale from
// the environment. Tests use it (through i18ntest) to switch languages;
// the app calls Init.
func Reload() error {
	// Only English (the fallback) and the user's language are parsed: the
	// tray daemon keeps what it loads for as long as it runs.
	want := baseLanguage(lang.SystemLocale())
	for _, l := range Languages() {
		if l != "en" && baseLanguage(fyne.Locale(l)) != want {
			continue
		}
		b, err := files.ReadFile(path.Join(dir, l+".json"))
		if err != nil {
			return fmt.Errorf("load translations: %w", err)
		}
		if err := lang.AddTranslationsForLocale(b, fyne.Locale(l)); err != nil {
			return fmt.Errorf("load %s translations: %w", l, err)
		}
	}
	return coverUntranslated()
}

// coverUntranslated keeps Limber in English, quietly, for a language that
// Fyne translates but Limber does not (Swedish, say). Fyne would pick that
// language, miss every Limber key and log a "Translation failure" for each
// string shown. Registering the English messages under that language makes
// Fyne's own widgets Swedish and Limber's text English, without the noise.
// For a language Fyne does not know either (Danish), Fyne already falls
// back to English and nothing needs doing; registering English there would
// instead make Fyne miss its own strings.
func coverUntranslated() error {
	base := baseLanguage(lang.SystemLocale())
	if base == "" || slices.ContainsFunc(Languages(), func(l string) bool { return baseLanguage(fyne.Locale(l)) == base }) {
		return nil
	}
	// Fyne has a translation for this language exactly when it renders one
	// of its own basic strings differently from English.
	if lang.L("Cancel") == "Cancel" {
		return nil
	}
	en, err := files.ReadFile(path.Join(dir, "en.json"))
	if err != nil {
		return fmt.Errorf("read English translations: %w", err)
	}
	if err := lang.AddTranslationsForLocale(en, fyne.Locale(base)); err != nil {
		return fmt.Errorf("register English for %s: %w", base, err)
	}
	return nil
}

// baseLanguage is the language part of a locale: "de" for "de-DE".
func baseLanguage(l fyne.Locale) string {
	base, _, _ := strings.Cut(l.String(), "-")
	return strings.ToLower(base)
}

// Languages lists the shipped languages as BCP 47 tags ("de", "en",
// "pt-BR", …), sorted.
func Languages() []string {
	entries, err := fs.ReadDir(files, dir)
	if err != nil {
		return nil // cannot happen with a valid embed; the tests read the same folder
	}
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// T translates a message without placeholders.
func T(key string) string {
	return lang.X(key, english(key, 0))
}

// F translates a message and fills its placeholders from args.
func F(key string, args Args) string {
	return lang.X(key, english(key, 0), args)
}

// N translates a message with plural forms for count. The count is also
// available to the message as {{.Count}}.
func N(key string, count int, args Args) string {
	data := Args{"Count": count}
	for k, v := range args {
		data[k] = v
	}
	return lang.XN(key, english(key, count), count, data)
}

// message is one entry of a translation file: a plain string, or plural
// forms ("one", "other", …).
type message struct {
	Other  string
	Plural map[string]string
}

// parseFile reads a translation file in Fyne's format: a flat JSON object
// of key → string, or key → {"one": …, "other": …} for plurals.
func parseFile(data []byte) (map[string]message, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	out := make(map[string]message, len(raw))
	for k, v := range raw {
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			out[k] = message{Other: s}
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(v, &forms); err != nil {
			return nil, fmt.Errorf("key %q: want a string or plural forms: %w", k, err)
		}
		out[k] = message{Other: forms["other"], Plural: forms}
	}
	return out, nil
}

// englishCatalog is translations/en.json, parsed once. It is read-only
// after that.
var englishCatalog = sync.OnceValue(func() map[string]message {
	data, err := files.ReadFile(path.Join(dir, "en.json"))
	if err != nil {
		return nil
	}
	m, err := parseFile(data)
	if err != nil {
		return nil // the completeness test parses the same file and fails loudly
	}
	return m
})

// english is the English text of key, the fallback Fyne uses when the
// active language lacks it (or Init has not run, as in most unit tests).
// An unknown key falls back to itself, which a test would spot.
func english(key string, count int) string {
	m, ok := englishCatalog()[key]
	if !ok {
		return key
	}
	if count == 1 && m.Plural["one"] != "" {
		return m.Plural["one"]
	}
	return m.Other
}

// byEnglish maps the English text of every key under prefix back to its
// key, so library text that is shared (cautions) can be translated by
// what it says.
func byEnglish(prefix string) map[string]string {
	out := map[string]string{}
	for k, m := range englishCatalog() {
		if strings.HasPrefix(k, prefix) && m.Plural == nil {
			out[m.Other] = k
		}
	}
	return out
}

// cautionKeys maps each library caution's English text to its key.
var cautionKeys = sync.OnceValue(func() map[string]string { return byEnglish("caution.") })

// Or translates key when Limber has it, and otherwise returns fallback as
// it is: for labels built from open-ended values (a position a newer
// routine file may name) that have no key.
func Or(key, fallback string) string {
	if _, ok := englishCatalog()[key]; !ok {
		return fallback
	}
	return lang.X(key, english(key, 0))
}
