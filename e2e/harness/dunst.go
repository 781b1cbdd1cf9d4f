package harness

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Dunst is a real notification server, dunst, running on the desktop's
// display and bus. Tests use it besides the test-side server to check that
// reminders work with a server that draws them and has its own idea of
// hints and actions.
type Dunst struct {
	d    *Desktop
	proc *Process
	dir  string // dunstrc, scripts, the log of notifications and the chosen action
}

// DunstNote is a notification as dunst saw it (its script environment).
type DunstNote struct {
	ID, AppName, Summary, Body, IconPath, Category, Urgency, Timeout string
}

// dunstFields are the script variables recorded per notification, in the
// order the log script writes them.
var dunstFields = []string{"DUNST_ID", "DUNST_APP_NAME", "DUNST_SUMMARY", "DUNST_BODY", "DUNST_ICON_PATH",
	"DUNST_CATEGORY", "DUNST_URGENCY", "DUNST_TIMEOUT"}

// StartDunst starts dunst with a config that records every notification
// and answers its context menu with the action chosen by InvokeAction. It
// skips the test when dunst is not installed (fails under CI=true).
func (d *Desktop) StartDunst() *Dunst {
	d.tb.Helper()
	for _, bin := range []string{"dunst", "dunstctl"} {
		if _, err := exec.LookPath(bin); err != nil {
			msg := "e2e: missing " + bin + "; install with: sudo apt-get install -y dunst"
			if os.Getenv("CI") == "true" {
				d.tb.Fatal(msg)
			}
			d.tb.Skip(msg)
		}
	}
	dir := filepath.Join(d.tb.TempDir(), "dunst")
	if err := os.MkdirAll(filepath.Join(dir, "notes"), 0o700); err != nil {
		d.tb.Fatalf("harness: dunst: %v", err)
	}
	var fields []string
	for _, f := range dunstFields {
		fields = append(fields, `"$`+f+`"`)
	}
	files := map[string]string{
		// One file per notification: the fields, NUL-separated (bodies
		// have newlines).
		"log.sh": "#!/bin/sh\nprintf '%s\\0' " + strings.Join(fields, " ") +
			" > \"" + dir + "/notes/$(date +%s%N)\"\n",
		// dunst's context menu runs this as its dmenu: it gets one line
		// per action and answers with the one InvokeAction chose.
		"pick.sh": "#!/bin/sh\ngrep -m1 -F -- \"$(cat '" + dir + "/choice')\"\n",
		"dunstrc": "[global]\n  font = Monospace 10\n  width = 420\n  origin = top-right\n  offset = 10x40\n" +
			"  icon_position = left\n  max_icon_size = 48\n  dmenu = " + dir + "/pick.sh\n" +
			"  mouse_left_click = do_action, close_current\n\n" +
			"[record]\n  summary = \"*\"\n  script = " + dir + "/log.sh\n",
		"choice": "",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o700); err != nil {
			d.tb.Fatalf("harness: dunst: %v", err)
		}
	}
	n := &Dunst{d: d, dir: dir}
	n.proc = d.StartProgram("dunst", "-config", filepath.Join(dir, "dunstrc"))
	deadline := time.Now().Add(startupTimeout)
	for {
		var owned bool
		err := d.Bus().BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, notificationsName).Store(&owned)
		if err == nil && owned {
			return n
		}
		if time.Now().After(deadline) {
			d.tb.Fatalf("harness: dunst did not claim %s (%v); stderr:\n%s", notificationsName, err, n.proc.Stderr())
		}
		time.Sleep(pollInterval)
	}
}

// Notes returns the notifications dunst received, oldest first.
func (n *Dunst) Notes() []DunstNote {
	entries, _ := os.ReadDir(filepath.Join(n.dir, "notes"))
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	var out []DunstNote
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(n.dir, "notes", name))
		if err != nil {
			continue
		}
		v := strings.Split(string(bytes.TrimSuffix(b, []byte{0})), "\x00")
		if len(v) != len(dunstFields) {
			continue // still being written
		}
		out = append(out, DunstNote{ID: v[0], AppName: v[1], Summary: v[2], Body: v[3], IconPath: v[4],
			Category: v[5], Urgency: v[6], Timeout: v[7]})
	}
	return out
}

// Wait waits for a notification satisfying pred.
func (n *Dunst) Wait(pred func(DunstNote) bool, timeout time.Duration) (DunstNote, error) {
	deadline := time.Now().Add(timeout)
	for {
		for _, note := range n.Notes() {
			if pred(note) {
				return note, nil
			}
		}
		if time.Now().After(deadline) {
			return DunstNote{}, fmt.Errorf("dunst: no matching notification after %s; got %+v; stderr:\n%s", timeout, n.Notes(), n.proc.Stderr())
		}
		time.Sleep(pollInterval)
	}
}

// Ctl runs dunstctl with args on the desktop's bus.
func (n *Dunst) Ctl(args ...string) (string, error) {
	cmd := exec.Command("dunstctl", args...)
	cmd.Env = n.d.Env()
	out, err := runWithTimeout(cmd, 10*time.Second)
	if err != nil {
		return string(out), fmt.Errorf("dunstctl %s: %w: %s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// InvokeAction presses the button labelled label on the newest
// notification the way a user does in dunst: its context menu, answered
// by the menu script.
func (n *Dunst) InvokeAction(label string) error {
	if err := os.WriteFile(filepath.Join(n.dir, "choice"), []byte(label), 0o600); err != nil {
		return err
	}
	_, err := n.Ctl("context")
	return err
}
