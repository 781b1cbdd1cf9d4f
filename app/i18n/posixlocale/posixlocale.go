// Package posixlocale makes the C and POSIX locales readable to Fyne's
// locale lookup before Fyne's lang package initialises.
//
// Fyne reads the locale in the init function of fyne.io/fyne/v2/lang,
// before any of Limber's code in main runs, and cannot parse "C.UTF-8" or
// "POSIX.UTF-8" (common on minimal systems and containers): every process,
// even `limber version`, then printed "Fyne error: Error parsing user
// locale C". Under such a locale this package sets LANGUAGE=en, which
// Fyne's lookup reads next and gettext ignores under the C locale, so no
// character handling changes; window processes inherit it.
//
// It works because of Go's package initialisation order (Go 1.21 and
// later): packages are initialised in import-path order as soon as their
// imports are, and this package imports only os and strings, while Fyne's
// lang package waits for github.com/nicksnyder/go-i18n and golang.org/x/text,
// whose paths sort after this one. app/i18n imports it for its side effect,
// and the end-to-end test TestQuietUnderAnyLocale guards the order.
package posixlocale

import (
	"os"
	"strings"
)

func init() { Quiet(os.Getenv, os.Setenv) }

// Quiet sets LANGUAGE=en when the effective locale (LC_ALL, LC_MESSAGES,
// then LANG) is C or POSIX with an encoding and LANGUAGE is unset.
func Quiet(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	var effective string
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if effective = getenv(k); effective != "" {
			break
		}
	}
	if strings.HasPrefix(effective, "C.") || strings.HasPrefix(effective, "POSIX.") {
		_ = setenv("LANGUAGE", "en")
	}
}
