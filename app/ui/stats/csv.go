package stats

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/limber-app/limber/reminders"
)

// WriteCSV writes events as CSV with a header row, one event a row in the
// given order; times are RFC 3339 with their recorded offset, empty cells
// stand for absent fields.
func WriteCSV(w io.Writer, events []reminders.Event) error {
	cw := csv.NewWriter(w)
	// The columns follow the history's JSON fields; those added later
	// (standing-desk mode) come last, so a sheet built on the first nine
	// columns keeps working.
	header := []string{"time", "event", "sitting_seconds", "count", "routine", "completed", "seconds", "until", "reason",
		"standing_seconds", "posture"}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	num := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	for _, ev := range events {
		completed, until := "", ""
		if ev.Completed != nil {
			completed = strconv.FormatBool(*ev.Completed)
		}
		if ev.Until != nil {
			until = ev.Until.Format(time.RFC3339)
		}
		row := []string{ev.T.Format(time.RFC3339), ev.Event, num(ev.SittingS), num(int64(ev.Count)),
			ev.Routine, completed, num(ev.Seconds), until, ev.Reason, num(ev.StandingS), ev.Posture}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
