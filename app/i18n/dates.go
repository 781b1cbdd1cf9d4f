package i18n

import (
	"strings"
	"time"
)

// Go's time formatting only knows English day and month names, so dates
// shown to people are assembled here from translated parts.

// Weekday is the day's full name: "Monday", "Montag", "lunes".
func Weekday(d time.Weekday) string {
	return T("weekday." + strings.ToLower(d.String()))
}

// ShortWeekday is the day's abbreviation: "Mon", "Mo", "lun".
func ShortWeekday(d time.Weekday) string {
	return T("weekday.short." + strings.ToLower(d.String()))
}

// DayTime is a weekday and a clock time: "Thu 09:00", "Do 09:00".
func DayTime(t time.Time) string {
	return F("format.day-time", Args{"Day": ShortWeekday(t.Weekday()), "Time": t.Format("15:04")})
}

// LongDate is a day of the year with its weekday: "Monday 2 January",
// "Montag, 2. Januar", "lunes, 2 de enero".
func LongDate(t time.Time) string {
	return F("format.long-date", Args{
		"Weekday": Weekday(t.Weekday()),
		"Day":     t.Day(),
		"Month":   T("month." + strings.ToLower(t.Month().String())),
	})
}

// ShortDate is a day and a short month: "2 Jan", "2. Jan.", "2 ene".
func ShortDate(t time.Time) string {
	return F("format.short-date", Args{
		"Day":   t.Day(),
		"Month": T("month.short." + strings.ToLower(t.Month().String())),
	})
}
