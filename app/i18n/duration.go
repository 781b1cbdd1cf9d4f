package i18n

import (
	"fmt"
	"strconv"
	"time"
)

// The one formatter for durations people read in the windows, the tray's
// companions and the command line. Units come from the translation files
// ("unit.*", "duration.*"), so no caller writes "min" or "s" itself.
// Problems reported in config and routine files keep their English
// wording (reminders.FormatDuration).

// Seconds is a short time to a tenth of a second: a repetition's pace,
// "3 s", "2.5 s".
func Seconds(d time.Duration) string {
	if d%time.Second == 0 {
		return F("unit.seconds", Args{"Count": int(d / time.Second)})
	}
	return F("unit.seconds", Args{"Count": strconv.FormatFloat(d.Seconds(), 'f', 1, 64)})
}

// Short is a duration to the second: "45 s", "2 min", "2 min 05 s".
func Short(d time.Duration) string {
	sec := max(0, int(d.Round(time.Second)/time.Second))
	switch {
	case sec < 60:
		return F("unit.seconds", Args{"Count": sec})
	case sec%60 == 0:
		return F("unit.minutes", Args{"Count": sec / 60})
	default:
		return F("unit.minutes-seconds", Args{"Minutes": sec / 60, "Seconds": fmt.Sprintf("%02d", sec%60)})
	}
}

// Minutes is a duration to the minute: "2 min", "1 h", "1 h 5 min". Under
// 50 seconds it says the seconds, so a short time never reads "0 min".
func Minutes(d time.Duration) string {
	if d < 50*time.Second {
		return Short(d)
	}
	m := max(1, int(d.Round(time.Minute)/time.Minute))
	switch {
	case m < 60:
		return F("unit.minutes", Args{"Count": m})
	default:
		return hoursMinutes(m)
	}
}

// Span is a total to the nearest minute, for tallies such as the day's
// sitting in Statistics: "0 min", "42 min", "2 h", "3 h 5 min". Unlike
// Minutes it says "0 min" for nothing at all, so an empty day reads as one.
func Span(d time.Duration) string {
	m := max(0, int(d.Round(time.Minute)/time.Minute))
	if m < 60 {
		return F("unit.minutes", Args{"Count": m})
	}
	return hoursMinutes(m)
}

// Long is a time sat, in words and whole minutes rounded down (the user has
// sat at least that long): "less than a minute", "47 minutes", "1 h 5 min".
func Long(d time.Duration) string {
	m := int(d / time.Minute)
	switch {
	case m < 1:
		return T("duration.less-than-a-minute")
	case m < 60:
		return N("duration.minutes", m, nil)
	default:
		return hoursMinutes(m)
	}
}

// hoursMinutes says m minutes as hours and minutes: "1 h 5 min", or "2 h"
// on the hour.
func hoursMinutes(m int) string {
	if m%60 == 0 {
		return F("duration.hours", Args{"Hours": m / 60})
	}
	return F("duration.hours-minutes", Args{"Hours": m / 60, "Minutes": m % 60})
}
