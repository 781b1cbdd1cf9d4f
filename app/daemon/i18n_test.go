package daemon

import (
	"testing"
	"time"

	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/reminders"
)

// TestStatusLineLanguages: the tray's status line and the reminder's
// sitting time follow the locale.
func TestStatusLineLanguages(t *testing.T) {
	now := time.Date(2026, 11, 25, 14, 0, 0, 0, time.Local) // a Wednesday
	sitting := reminders.Status{State: reminders.Sitting, Sitting: 32 * time.Minute, NextReminder: 13 * time.Minute, HasNextReminder: true}
	outside := reminders.Status{State: reminders.OutsideHours, ResumesAt: now.Add(19 * time.Hour)}
	pausedLong := reminders.Status{State: reminders.Paused, PausedUntil: now.Add(43 * time.Hour)}
	tests := []struct {
		locale, sitting, outside, paused, minutes string
	}{
		{"de_DE.UTF-8", "Sitzzeit 32 Min. · Pause in 13 Min.", "Außerhalb der Arbeitszeit · zurück Do 09:00", "Pausiert bis Fr 09:00", "1 Minute"},
		{"es_ES.UTF-8", "Tiempo sentado: 32 min · pausa en 13 min", "Fuera del horario de trabajo · vuelve el jue 09:00", "En pausa hasta el vie 09:00", "1 minuto"},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			i18ntest.Use(t, tt.locale)
			for _, c := range []struct {
				st   reminders.Status
				want string
			}{{sitting, tt.sitting}, {outside, tt.outside}, {pausedLong, tt.paused}} {
				if got := statusLine(c.st, now, false); got != c.want {
					t.Errorf("%s: got %q, want %q", c.st.State, got, c.want)
				}
			}
			if got := humanMinutes(time.Minute); got != tt.minutes {
				t.Errorf("humanMinutes(1m) = %q, want %q", got, tt.minutes)
			}
		})
	}
}
