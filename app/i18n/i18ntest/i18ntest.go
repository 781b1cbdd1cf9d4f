// Package i18ntest lets tests show Limber in a given language.
package i18ntest

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/limber-app/limber/app/i18n"
)

// Locales are the locales the language tests render every window in: one
// per shipped translation, with the region its speakers most likely have
// ("ja" → "ja_JP.UTF-8", "zh-Hans" → "zh_CN.UTF-8").
func Locales() []string {
	var out []string
	for _, l := range i18n.Languages() {
		out = append(out, Locale(l))
	}
	return out
}

// Locale is the POSIX locale a user of the language tag most likely has:
// "pt-BR" → "pt_BR.UTF-8", "ko" → "ko_KR.UTF-8".
func Locale(tag string) string {
	t := language.Make(tag)
	base, _ := t.Base()
	region, _ := t.Region()
	return base.String() + "_" + region.String() + ".UTF-8"
}

// Use selects the language of locale (e.g. "de_DE.UTF-8") for the rest of
// the test, the way a user's environment would, and restores the previous
// language afterwards. Fyne's translations are process-wide, so tests that
// call Use must not run in parallel (t.Setenv enforces that).
func Use(tb testing.TB, locale string) {
	tb.Helper()
	// Registered before t.Setenv's own cleanups, so it runs after them:
	// once the environment is back, reload the language it selects.
	tb.Cleanup(func() {
		if err := i18n.Reload(); err != nil {
			tb.Errorf("restore language: %v", err)
		}
	})
	tb.Setenv("LC_ALL", locale)
	tb.Setenv("LC_MESSAGES", "")
	tb.Setenv("LANGUAGE", "")
	if err := i18n.Reload(); err != nil {
		tb.Fatalf("select %s: %v", locale, err)
	}
}
