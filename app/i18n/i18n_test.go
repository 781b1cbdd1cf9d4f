package i18n_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/routines"
)

// catalog is one translation file: key → plural forms ("other" for a plain
// string).
type catalog map[string]map[string]string

func readCatalogs(t *testing.T) map[string]catalog {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("translations", "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no translation files: %v", err)
	}
	out := map[string]catalog{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		c := catalog{}
		for k, v := range raw {
			var s string
			if json.Unmarshal(v, &s) == nil {
				c[k] = map[string]string{"other": s}
				continue
			}
			var forms map[string]string
			if err := json.Unmarshal(v, &forms); err != nil {
				t.Fatalf("%s: key %q is neither a string nor plural forms: %v", p, k, err)
			}
			c[k] = forms
		}
		out[strings.TrimSuffix(filepath.Base(p), ".json")] = c
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// placeholders lists the {{.Name}} fields used by any form of a message.
func placeholders(forms map[string]string) []string {
	set := map[string]bool{}
	for _, f := range forms {
		for _, m := range placeholder.FindAllStringSubmatch(f, -1) {
			set[m[1]] = true
		}
	}
	return sortedKeys(set)
}

// pluralForms are the CLDR plural forms lang uses for whole counts, as
// go-i18n (which Fyne translates with) selects them: Spanish has "many"
// for millions, Polish and Russian "few" and "many", Japanese only
// "other". Every language has "other". They are read from go-i18n itself, so a new language needs no
// table here.
func pluralForms(t *testing.T, lang string) []string {
	t.Helper()
	tag, err := language.Parse(lang)
	if err != nil {
		t.Fatalf("translations/%s.json: %v", lang, err)
	}
	b := goi18n.NewBundle(language.English)
	if err := b.AddMessages(tag, &goi18n.Message{ID: "n",
		Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}); err != nil {
		t.Fatal(err)
	}
	loc := goi18n.NewLocalizer(b, lang)
	seen := map[string]bool{}
	for _, n := range append(countsToTry(), 1_000_000, 2_000_000) {
		form, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: "n", PluralCount: n})
		if err != nil {
			t.Fatalf("%s: plural form of %d: %v", lang, n, err)
		}
		seen[form] = true
	}
	// CLDR requires "other" in every language; Polish and Russian use it
	// only for fractions, which Limber never counts, but go-i18n falls
	// back to it.
	seen["other"] = true
	return sortedKeys(seen)
}

// countsToTry are the counts Limber shows (minutes, stretches, breaks,
// days), with room to spare: 0 to 1000.
func countsToTry() []int {
	out := make([]int, 1001)
	for i := range out {
		out[i] = i
	}
	return out
}

// TestCompleteness checks every language against English: the same keys,
// no empty text, the same placeholders, and plural forms where English has
// them.
func TestCompleteness(t *testing.T) {
	all := readCatalogs(t)
	en, ok := all["en"]
	if !ok {
		t.Fatal("translations/en.json is missing")
	}
	if got, want := i18n.Languages(), sortedKeys(all); !slices.Equal(got, want) {
		t.Errorf("Languages() = %v, want %v", got, want)
	}
	for _, lang := range sortedKeys(all) {
		c := all[lang]
		t.Run(lang, func(t *testing.T) {
			need := pluralForms(t, lang)
			for _, k := range sortedKeys(en) {
				if _, ok := c[k]; !ok {
					t.Errorf("missing key %q", k)
				}
			}
			for _, k := range sortedKeys(c) {
				forms := c[k]
				enForms, ok := en[k]
				if !ok {
					t.Errorf("key %q is not in en.json", k)
					continue
				}
				for form, text := range forms {
					if strings.TrimSpace(text) == "" {
						t.Errorf("%q (%s) is empty", k, form)
					}
				}
				if got, want := placeholders(forms), placeholders(enForms); !slices.Equal(got, want) {
					t.Errorf("%q uses placeholders %v, English uses %v", k, got, want)
				}
				if _, plural := enForms["one"]; plural {
					for _, f := range need {
						if forms[f] == "" {
							t.Errorf("plural %q lacks the %q form", k, f)
						}
					}
					for f := range forms {
						if !slices.Contains(need, f) {
							t.Errorf("plural %q has a %q form, which %s never uses (it uses %v)", k, f, lang, need)
						}
					}
				} else if len(forms) != 1 {
					t.Errorf("%q has plural forms but English has none", k)
				}
			}
		})
	}
}

// TestLibraryKeys checks that every library stretch and built-in routine
// has its keys, and that en.json says exactly what the library says, so a
// change of an English cue cannot leave a stale translation key behind.
func TestLibraryKeys(t *testing.T) {
	en := readCatalogs(t)["en"]
	text := func(k string) string { return en[k]["other"] }
	cautions := map[string]bool{}
	for k := range en {
		if strings.HasPrefix(k, "caution.") {
			cautions[text(k)] = true
		}
	}
	lib := routines.Library()
	if len(lib) != 43 {
		t.Errorf("library has %d stretches; the translations were written for 43", len(lib))
	}
	for _, s := range lib {
		if got := text("stretch." + s.ID + ".name"); got != s.Name {
			t.Errorf("stretch.%s.name = %q, library says %q", s.ID, got, s.Name)
		}
		if got := text("stretch." + s.ID + ".action"); got != s.Action {
			t.Errorf("stretch.%s.action = %q, library says %q", s.ID, got, s.Action)
		}
		for i, c := range s.Cues {
			k := "stretch." + s.ID + ".cue." + strconv.Itoa(i+1)
			if got := text(k); got != c {
				t.Errorf("%s = %q, library says %q", k, got, c)
			}
		}
		if k := "stretch." + s.ID + ".cue." + strconv.Itoa(len(s.Cues)+1); text(k) != "" {
			t.Errorf("%s exists, but the stretch has only %d cues", k, len(s.Cues))
		}
		if s.Caution != "" && !cautions[s.Caution] {
			t.Errorf("stretch %s: no caution.* key says %q", s.ID, s.Caution)
		}
	}
	for _, r := range routines.Builtin() {
		if got := text("routine." + r.ID + ".name"); got != r.Name {
			t.Errorf("routine.%s.name = %q, library says %q", r.ID, got, r.Name)
		}
		if got := text("routine." + r.ID + ".description"); got != r.Description {
			t.Errorf("routine.%s.description = %q, library says %q", r.ID, got, r.Description)
		}
	}
	if got := text("safety.note"); got != routines.SafetyNote {
		t.Errorf("safety.note = %q, want routines.SafetyNote", got)
	}
}

// TestFyneLoadsFiles registers the embedded files with Fyne, which parses
// them with go-i18n: a file Fyne rejects would leave the app in English.
func TestFyneLoadsFiles(t *testing.T) {
	if err := i18n.Reload(); err != nil {
		t.Fatal(err)
	}
	if err := fs.WalkDir(os.DirFS("translations"), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".json") {
			t.Errorf("translations/%s: only <language>.json files belong here", p)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

// TestLanguages follows the locale as a user's environment sets it.
func TestLanguages(t *testing.T) {
	cat, _ := routines.LookupStretch("cat-camel")
	reset, _ := routines.LookupBuiltin(routines.QuickStandingReset)
	tests := []struct {
		locale                   string
		start, stretch, cue1     string
		routine, minutes, paused string
	}{
		{"en_US.UTF-8", "Start stretch routine", "Cat and camel", "Start on hands and knees, hands under shoulders.",
			"Quick standing reset", "5 minutes", "Paused until Thu 09:00"},
		{"C", "Start stretch routine", "Cat and camel", "Start on hands and knees, hands under shoulders.",
			"Quick standing reset", "5 minutes", "Paused until Thu 09:00"},
		{"de_DE.UTF-8", "Übungsfolge starten", "Katze und Kamel", "Beginne im Vierfüßlerstand, Hände unter den Schultern.",
			"Kurz im Stehen auflockern", "5 Minuten", "Pausiert bis Do 09:00"},
		{"de_AT", "Übungsfolge starten", "Katze und Kamel", "Beginne im Vierfüßlerstand, Hände unter den Schultern.",
			"Kurz im Stehen auflockern", "5 Minuten", "Pausiert bis Do 09:00"},
		{"es_ES.UTF-8", "Iniciar rutina de estiramientos", "Gato y camello", "Empieza a cuatro patas, con las manos bajo los hombros.",
			"Activación rápida de pie", "5 minutos", "En pausa hasta el jue 09:00"},
		{"fr_FR.UTF-8", "Lancer une routine d'étirements", "Chat et chameau", "Commencez à quatre pattes, mains sous les épaules.",
			"Remise en route debout", "5 minutes", "Suspendu jusqu'à jeu. 09:00"},
		{"it_IT.UTF-8", "Avvia routine di stretching", "Gatto e cammello", "Parti a quattro zampe, mani sotto le spalle.",
			"Risveglio rapido in piedi", "5 minuti", "Sospeso fino a gio 09:00"},
		// Fyne translates Swedish, Limber does not: Limber stays English.
		{"sv_SE.UTF-8", "Start stretch routine", "Cat and camel", "Start on hands and knees, hands under shoulders.",
			"Quick standing reset", "5 minutes", "Paused until Thu 09:00"},
	}
	thursday := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			i18ntest.Use(t, tt.locale)
			check := func(what, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("tray.start", i18n.T("tray.start"), tt.start)
			check("StretchName", i18n.StretchName(cat), tt.stretch)
			check("StretchCues[0]", i18n.StretchCues(cat)[0], tt.cue1)
			check("RoutineName", i18n.RoutineName(reset), tt.routine)
			check("duration.minutes", i18n.N("duration.minutes", 5, nil), tt.minutes)
			check("status.paused-until-day", i18n.F("status.paused-until-day", i18n.Args{"DayTime": i18n.DayTime(thursday)}), tt.paused)
		})
	}
}

// TestUserTextStaysAsWritten: user routines and changed steps are never
// translated, even when they reuse a built-in's ID or a stretch's ID.
func TestUserTextStaysAsWritten(t *testing.T) {
	i18ntest.Use(t, "de_DE.UTF-8")
	reset, _ := routines.LookupBuiltin(routines.QuickStandingReset)
	mine := reset
	mine.Source = "my-reset.toml"
	if got := i18n.RoutineName(mine); got != reset.Name {
		t.Errorf("user routine name = %q, want it as written (%q)", got, reset.Name)
	}
	if got := i18n.RoutineDescription(mine); got != reset.Description {
		t.Errorf("user routine description = %q, want it as written", got)
	}

	cat, _ := routines.LookupStretch("cat-camel")
	step := routines.StepOf(cat, 0)
	if got := i18n.StepName(step); got != "Katze und Kamel" {
		t.Errorf("library step name = %q, want the German", got)
	}
	step.Name, step.Cues = "Meine Katze", []string{"Langsam."}
	if got := i18n.StepName(step); got != "Meine Katze" {
		t.Errorf("renamed step = %q, want it as written", got)
	}
	if got := i18n.StepCues(step); !slices.Equal(got, step.Cues) {
		t.Errorf("own cues = %q, want them as written", got)
	}
	custom := routines.Step{Name: "Look out of the window", Cues: []string{"Blink slowly."}, Caution: "Mind the cat."}
	if i18n.StepName(custom) != custom.Name || !slices.Equal(i18n.StepCues(custom), custom.Cues) || i18n.StepCaution(custom) != custom.Caution {
		t.Errorf("custom step was changed: %q %q %q", i18n.StepName(custom), i18n.StepCues(custom), i18n.StepCaution(custom))
	}
	neck, _ := routines.LookupStretch("neck-side-tilt")
	if got := i18n.Caution(neck.Caution); got == neck.Caution || !strings.Contains(got, "schwindlig") {
		t.Errorf("library caution in German = %q", got)
	}
}

// TestDates checks the date formats that Go cannot translate.
func TestDates(t *testing.T) {
	day := time.Date(2026, 1, 5, 14, 30, 0, 0, time.UTC) // a Monday
	tests := []struct{ locale, long, short, dayTime string }{
		{"en_GB.UTF-8", "Monday 5 January", "5 Jan", "Mon 14:30"},
		{"de_DE.UTF-8", "Montag, 5. Januar", "5. Jan.", "Mo 14:30"},
		{"es_ES.UTF-8", "lunes, 5 de enero", "5 ene", "lun 14:30"},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			i18ntest.Use(t, tt.locale)
			if got := i18n.LongDate(day); got != tt.long {
				t.Errorf("LongDate = %q, want %q", got, tt.long)
			}
			if got := i18n.ShortDate(day); got != tt.short {
				t.Errorf("ShortDate = %q, want %q", got, tt.short)
			}
			if got := i18n.DayTime(day); got != tt.dayTime {
				t.Errorf("DayTime = %q, want %q", got, tt.dayTime)
			}
		})
	}
}

// TestOr falls back for values without a key, and translates those with one.
func TestOr(t *testing.T) {
	i18ntest.Use(t, "de_DE.UTF-8")
	if got := i18n.Or("settings.idle.hanging", "hanging"); got != "hanging" {
		t.Errorf("Or(unknown) = %q", got)
	}
	if got := i18n.Or("settings.idle.none", "none"); !strings.HasPrefix(got, "Keine") {
		t.Errorf("Or(known) = %q, want the German", got)
	}
}

// TestEnglishContract pins the English texts that the README and the
// end-to-end tests rely on.
func TestEnglishContract(t *testing.T) {
	en := readCatalogs(t)["en"]
	for key, want := range map[string]string{
		"tray.start":      "Start stretch routine",
		"tray.routines":   "Routines",
		"tray.snooze":     "Snooze",
		"tray.pause":      "Pause",
		"tray.resume":     "Resume",
		"tray.settings":   "Settings…",
		"tray.stats":      "Statistics…",
		"tray.quit":       "Quit",
		"tray.stand":      "I'm standing",
		"tray.sit":        "I'm sitting",
		"window.routine":  "{{.Name}} — Limber",
		"window.picker":   "Routines — Limber",
		"window.settings": "Settings — Limber",
		"window.stats":    "Statistics — Limber",
		"window.prompt":   "Time to stand up — Limber",
		"reminder.title":  "Time to stand up",
		"cli.not-running": "Limber is not running (start it with: limber)",
	} {
		if got := en[key]["other"]; got != want {
			t.Errorf("en %s = %q, want %q", key, got, want)
		}
	}
}

// TestStretchAction: the one-line action a reminder shows is translated,
// and falls back to the library's English where no catalog has it.
func TestStretchAction(t *testing.T) {
	calf, _ := routines.LookupStretch("calf-raise")
	for _, tt := range []struct{ locale, want string }{
		{"en_US.UTF-8", "Rise onto your toes, then lower your heels slowly."},
		{"de_DE.UTF-8", "Geh auf die Zehenspitzen und senk die Fersen langsam ab."},
		{"es_ES.UTF-8", "Sube de puntillas y baja los talones despacio."},
	} {
		i18ntest.Use(t, tt.locale)
		if got := i18n.StretchAction(calf); got != tt.want {
			t.Errorf("%s: StretchAction = %q, want %q", tt.locale, got, tt.want)
		}
	}
	own := routines.Stretch{ID: "not-in-the-library", Action: "Look out of the window."}
	if got := i18n.StretchAction(own); got != own.Action {
		t.Errorf("StretchAction of an unknown stretch = %q, want its own text", got)
	}
}

// TestPluralForms pins pluralForms to CLDR for a few languages, so the
// completeness check above cannot pass by asking for nothing.
func TestPluralForms(t *testing.T) {
	for lang, want := range map[string][]string{
		"en":      {"one", "other"},
		"fr":      {"many", "one", "other"},
		"pl":      {"few", "many", "one", "other"},
		"ru":      {"few", "many", "one", "other"},
		"ja":      {"other"},
		"zh-Hans": {"other"},
	} {
		if got := pluralForms(t, lang); !slices.Equal(got, want) {
			t.Errorf("pluralForms(%s) = %v, want %v", lang, got, want)
		}
	}
}

func TestLookup(t *testing.T) {
	if got, err := i18n.Lookup("de", "tray.quit"); err != nil || got != readCatalogs(t)["de"]["tray.quit"]["other"] {
		t.Errorf("Lookup(de, tray.quit) = %q, %v", got, err)
	}
	if _, err := i18n.Lookup("de", "no.such.key"); err == nil {
		t.Error("Lookup of a missing key: no error")
	}
	if _, err := i18n.Lookup("xx", "tray.quit"); err == nil {
		t.Error("Lookup in a language Limber does not ship: no error")
	}
}
