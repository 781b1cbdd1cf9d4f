package i18ntest

import (
	"slices"
	"testing"
)

func TestLocales(t *testing.T) {
	got := Locales()
	for _, want := range []string{"en_US.UTF-8", "de_DE.UTF-8", "es_ES.UTF-8"} {
		if !slices.Contains(got, want) {
			t.Errorf("Locales() = %v, lacks %s", got, want)
		}
	}
}

func TestPosixLocale(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en_US.UTF-8", "de": "de_DE.UTF-8", "ja": "ja_JP.UTF-8", "ko": "ko_KR.UTF-8",
		"pt-BR": "pt_BR.UTF-8", "zh-Hans": "zh_CN.UTF-8", "nl": "nl_NL.UTF-8",
	} {
		if got := Locale(tag); got != want {
			t.Errorf("Locale(%q) = %q, want %q", tag, got, want)
		}
	}
}
