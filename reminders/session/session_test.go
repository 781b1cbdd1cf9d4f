package session

import "testing"

func TestEventString(t *testing.T) {
	tests := map[Event]string{Sleep: "sleep", Wake: "wake", Lock: "lock", Unlock: "unlock", 0: "Event(0)", 99: "Event(99)"}
	for ev, want := range tests {
		if got := ev.String(); got != want {
			t.Errorf("Event(%d).String() = %q, want %q", int(ev), got, want)
		}
	}
}
