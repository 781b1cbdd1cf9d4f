// Package i18ntest lets tests show Limber in a given language.
package i18ntest

import (
	"testing"

	"github.com/limber-app/limber/app/i18n"
)

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
