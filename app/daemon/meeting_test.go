package daemon

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/reminders"
)

// TestMeetingHold walks a call through the core: the check starts shortly
// before the reminder is due, a call holds the reminder back (held_by
// meeting, nothing queued), the hold is re-checked every meetingPoll, and
// the end of the call delivers the reminder once, with the call wording.
func TestMeetingHold(t *testing.T) {
	c, clk, _ := testCore(t, "sitting_limit = \"10m\"\nmax_hold = \"1h\"\n")
	c.observe(clk.read(), nil)
	if c.startMeetingCheck(clk.read()) {
		t.Fatal("check started 10 min before the reminder")
	}
	at := c.meetingWake(clk.read(), c.eng.Status(clk.read()))
	if want := clk.read().Wall.Add(10*time.Minute - meetingLead); !at.Equal(want) {
		t.Errorf("meetingWake = %v, want %v", at, want)
	}
	walk(c, clk, 10*time.Minute-meetingLead)
	if !c.startMeetingCheck(clk.read()) {
		t.Fatal("no check meetingLead before the reminder")
	}
	if c.startMeetingCheck(clk.read()) {
		t.Fatal("a second check while one runs")
	}
	if !c.meetingResult(clk.read(), true) {
		t.Fatal("a call did not change the hold")
	}
	walk(c, clk, meetingLead)
	st := c.status(clk.read())
	if st.State != "due" || !slices.Equal(st.HeldBy, []string{"meeting"}) || len(c.takePending()) != 0 {
		t.Fatalf("due during a call: state %s, held_by %v", st.State, st.HeldBy)
	}
	if at := c.meetingWake(clk.read(), c.eng.Status(clk.read())); !at.Equal(c.meet.lastAt.Add(meetingPoll)) {
		t.Errorf("re-check at %v, want meetingPoll after the last", at)
	}
	walk(c, clk, meetingPoll)
	if !c.startMeetingCheck(clk.read()) {
		t.Fatal("no re-check while held")
	}
	c.meetingResult(clk.read(), true)
	walk(c, clk, 50*time.Minute)
	if !c.startMeetingCheck(clk.read()) {
		t.Fatal("no re-check while held")
	}
	c.meetingResult(clk.read(), false)
	pending := c.takePending()
	if len(pending) != 1 || !strings.Contains(pending[0].Body, "50-minute call") {
		t.Fatalf("after the call: %+v", pending)
	}
	if st := c.status(clk.read()); len(st.HeldBy) != 0 {
		t.Errorf("held_by after the call = %v", st.HeldBy)
	}
}

// TestMeetingIgnore: with meetings = "ignore" no check runs and a call
// found anyway does not hold.
func TestMeetingIgnore(t *testing.T) {
	c, clk, _ := testCore(t, "sitting_limit = \"10m\"\nmeetings = \"ignore\"\n")
	walk(c, clk, 10*time.Minute-time.Second)
	if c.startMeetingCheck(clk.read()) {
		t.Fatal("check started with meetings = ignore")
	}
	if c.meetingResult(clk.read(), true) {
		t.Error("a call held with meetings = ignore")
	}
}

// TestMeetingDevicesHook: the test hook replaces the device patterns and
// leaves the sound server out.
func TestMeetingDevicesHook(t *testing.T) {
	det := newMeetingDetector(func(k string) string {
		if k == meetingDevicesEnv {
			return "/tmp/a*, /tmp/b"
		}
		return ""
	})
	if !slices.Equal(det.Devices, []string{"/tmp/a*", "/tmp/b"}) || det.Pulse != nil {
		t.Errorf("devices %v, pulse %v", det.Devices, det.Pulse)
	}
	if det := newMeetingDetector(func(string) string { return "" }); len(det.Devices) == 0 {
		t.Error("no default devices")
	}
}

// TestRemindText: a reminder to sit after standing_limit, one after a
// call, and the plain one.
func TestRemindText(t *testing.T) {
	tests := []struct {
		r           reminders.Remind
		title, body string
	}{
		{reminders.Remind{Sitting: 45 * time.Minute}, "Time to stand up", "You have been sitting for 45 minutes."},
		{reminders.Remind{Posture: reminders.PostureStanding, Standing: 45 * time.Minute}, "Time to sit down",
			"You have been standing for 45 minutes; sit for a while."},
		{reminders.Remind{Sitting: time.Hour, HeldBy: []reminders.HoldReason{reminders.HoldMeeting}, HoldLasted: 50 * time.Minute},
			"Time to stand up", "You sat through a 50-minute call; stand up and stretch?"},
		{reminders.Remind{Sitting: time.Hour, HeldBy: []reminders.HoldReason{reminders.HoldDND}, HoldLasted: 50 * time.Minute},
			"Time to stand up", "You have been sitting for 60 minutes."},
	}
	for _, tt := range tests {
		title, body := remindText(tt.r)
		if title != tt.title || body != tt.body {
			t.Errorf("remindText(%+v) = %q, %q; want %q, %q", tt.r, title, body, tt.title, tt.body)
		}
	}
}

// walk advances the clock by d in steps of at most a minute, observing at
// each, as the daemon's loop would (one jump would look like a suspend).
func walk(c *core, clk *fakeClock, d time.Duration) {
	for d > 0 {
		step := min(d, time.Minute)
		clk.add(step)
		c.observe(clk.read(), nil)
		d -= step
	}
}

// TestStandSit: the stand and sit commands switch the posture that status
// and the tray show, and standing time counts instead of sitting time.
func TestStandSit(t *testing.T) {
	c, clk, _ := testCore(t, "sitting_limit = \"45m\"\nstanding_limit = \"30m\"\n")
	if err := c.command(clk.read(), control.Request{Cmd: control.CmdStand}); err != nil {
		t.Fatal(err)
	}
	walk(c, clk, 5*time.Minute)
	st := c.status(clk.read())
	if st.Posture != "standing" || st.StandingSeconds != 300 || st.SittingSeconds != 0 {
		t.Errorf("standing: posture %q, standing %d s, sitting %d s", st.Posture, st.StandingSeconds, st.SittingSeconds)
	}
	if v := c.view(clk.read()); !v.Standing || !strings.HasPrefix(v.Line, "Standing 5 min") {
		t.Errorf("tray while standing = %+v", v)
	}
	walk(c, clk, 25*time.Minute)
	pending := c.takePending()
	if len(pending) != 1 || pending[0].Title != "Time to sit down" || !strings.Contains(pending[0].Body, "standing for 30 minutes") {
		t.Fatalf("after standing_limit: %+v", pending)
	}
	if v := c.view(clk.read()); v.Icon != "due" {
		t.Errorf("icon after standing_limit = %q, want due", v.Icon)
	}
	if err := c.command(clk.read(), control.Request{Cmd: control.CmdSit}); err != nil {
		t.Fatal(err)
	}
	if st := c.status(clk.read()); st.Posture != "sitting" || st.State != "sitting" {
		t.Errorf("after sit: posture %q, state %q", st.Posture, st.State)
	}
}
