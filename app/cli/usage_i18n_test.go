package cli

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/limber-app/limber/app/i18n/i18ntest"
)

// commandForm matches the "limber …" command form that starts a usage
// line, up to the gap before its description: the part no translation may
// change.
var commandForm = regexp.MustCompile(`(?m)^  (limber.*?)(?:  |$)`)

func commands(usage string) []string {
	var out []string
	for _, m := range commandForm.FindAllStringSubmatch(usage, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestUsageTranslations keeps translations/en.json's usage equal to the
// usage constant, and every language's usage listing the same commands:
// a command added to the constant must be added to each language too.
func TestUsageTranslations(t *testing.T) {
	want := commands(usage)
	if len(want) < 10 {
		t.Fatalf("found only %q in the usage constant", want)
	}
	for _, locale := range []string{"en_US.UTF-8", "de_DE.UTF-8", "es_ES.UTF-8"} {
		t.Run(locale, func(t *testing.T) {
			i18ntest.Use(t, locale)
			got := usageText()
			if strings.HasPrefix(locale, "en") && got != usage {
				t.Errorf("en.json's cli.usage differs from the usage constant:\n%s\nwant:\n%s", got, usage)
			}
			if cmds := commands(got); !slices.Equal(cmds, want) {
				t.Errorf("commands = %q\nwant %q", cmds, want)
			}
			for _, flag := range []string{"--config PATH", "--sitting-limit 45m", "--natural-break 5m", "--idle-source auto|x11|mutter|wayland|screensaver|windows|macos|none"} {
				if !strings.Contains(got, flag) {
					t.Errorf("usage lacks %q", flag)
				}
			}
		})
	}
}
