package i18n

import (
	"fmt"
	"path"
)

// Lookup is key's text in language lang (a tag from Languages), read
// from the embedded file without selecting the language: for the
// packaging tools that write every language's name and summary into the
// desktop entry and the AppStream file. Plural messages give their
// "other" form.
func Lookup(lang, key string) (string, error) {
	data, err := files.ReadFile(path.Join(dir, lang+".json"))
	if err != nil {
		return "", fmt.Errorf("translations for %q: %w", lang, err)
	}
	m, err := parseFile(data)
	if err != nil {
		return "", fmt.Errorf("translations/%s.json: %w", lang, err)
	}
	msg, ok := m[key]
	if !ok {
		return "", fmt.Errorf("translations/%s.json has no %q", lang, key)
	}
	return msg.Other, nil
}
