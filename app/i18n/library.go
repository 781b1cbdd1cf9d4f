package i18n

import (
	"fmt"
	"slices"

	"github.com/limber-app/limber/routines"
)

// Library content is keyed by stable IDs:
//
//	stretch.<id>.name, stretch.<id>.action, stretch.<id>.cue.<n> (n from 1)
//	routine.<id>.name, routine.<id>.description
//	caution.<topic>   (a caution is found by its English text: several stretches share one)
//
// A missing key falls back to the English in the struct. Text the user
// wrote (user routines, custom steps, changed names or cues) is shown as
// written: only text that is still the library's own is translated.

// StretchName is a library stretch's name in the active language.
func StretchName(s routines.Stretch) string {
	return text(stretchKey(s.ID, "name"), s.Name)
}

// StretchAction is a library stretch's one-line "what to do" (see
// routines.Stretch.Action) in the active language, for reminders that
// suggest the stretch on its own.
func StretchAction(s routines.Stretch) string {
	return text(stretchKey(s.ID, "action"), s.Action)
}

// StretchCues are a library stretch's cues in the active language.
func StretchCues(s routines.Stretch) []string {
	out := make([]string, len(s.Cues))
	for i, c := range s.Cues {
		out[i] = text(stretchKey(s.ID, fmt.Sprintf("cue.%d", i+1)), c)
	}
	return out
}

// Caution translates a library caution, found by its English text. Any
// other text (a user routine's own caution) is returned unchanged.
func Caution(english string) string {
	if key, ok := cautionKeys()[english]; ok {
		return text(key, english)
	}
	return english
}

// StepName is a routine step's name: translated when the step is a library
// stretch under its library name, else as the routine file wrote it.
func StepName(st routines.Step) string {
	if s, ok := libraryStretch(st); ok && st.Name == s.Name {
		return StretchName(s)
	}
	return st.Name
}

// StepCues are a routine step's cues: translated when they are the library
// stretch's own, else as the routine file wrote them.
func StepCues(st routines.Step) []string {
	if s, ok := libraryStretch(st); ok && slices.Equal(st.Cues, s.Cues) {
		return StretchCues(s)
	}
	return st.Cues
}

// StepCaution is a routine step's caution in the active language when it is
// one of the library's.
func StepCaution(st routines.Step) string { return Caution(st.Caution) }

// RoutineName is a routine's name: translated for a built-in routine, as
// written for the user's own (including one that replaces a built-in).
func RoutineName(r routines.Routine) string {
	if !r.IsBuiltin() {
		return r.Name
	}
	return text("routine."+r.ID+".name", r.Name)
}

// RoutineDescription is a routine's description, translated like its name.
func RoutineDescription(r routines.Routine) string {
	if !r.IsBuiltin() {
		return r.Description
	}
	return text("routine."+r.ID+".description", r.Description)
}

// SafetyNote is routines.SafetyNote in the active language.
func SafetyNote() string { return text("safety.note", routines.SafetyNote) }

func stretchKey(id, part string) string { return "stretch." + id + "." + part }

func libraryStretch(st routines.Step) (routines.Stretch, bool) {
	if st.StretchID == "" {
		return routines.Stretch{}, false
	}
	return routines.LookupStretch(st.StretchID)
}

// text translates key, falling back to english quietly when the key is not
// in the catalog (a routine that only looks built-in, as in tests).
func text(key, english string) string { return Or(key, english) }
