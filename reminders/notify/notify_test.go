package notify

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gen2brain/beeep"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		note    Notification
		wantErr string
	}{
		{"ok", Notification{Title: "Stand up", Actions: ReminderActions()}, ""},
		{"title only", Notification{Title: "Stand up"}, ""},
		{"no title", Notification{Body: "stretch"}, "no title"},
		{"action without key", Notification{Title: "x", Actions: []Action{{Label: "Go"}}}, `action 0 ("Go") has no key`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.note.validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("validate() = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("validate() = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestReminderActionsIsACopy(t *testing.T) {
	a := ReminderActions()
	a[0].Key = "changed"
	if ReminderActions()[0].Key != ActionStart {
		t.Error("ReminderActions shares its slice")
	}
}

func TestBeeepNotifier(t *testing.T) {
	type shown struct {
		title, body string
		icon        any
		alert       bool
	}
	tests := []struct {
		name    string
		note    Notification
		fail    error
		delay   time.Duration
		want    shown
		wantErr string
	}{
		{name: "plain", note: Notification{Title: "Stand up", Body: "b", Icon: "icon.png", Actions: ReminderActions()},
			want: shown{"Stand up", "b", "icon.png", false}},
		{name: "urgent plays a sound", note: Notification{Title: "Stand up", Urgent: true},
			want: shown{"Stand up", "", "", true}},
		{name: "helper fails", note: Notification{Title: "x"}, fail: errors.New("powershell missing"),
			wantErr: "show notification: powershell missing"},
		{name: "helper hangs", note: Notification{Title: "x"}, delay: time.Second, wantErr: "deadline exceeded"},
		{name: "invalid", note: Notification{}, wantErr: "no title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got shown
			fake := func(alert bool) func(string, string, any) error {
				return func(title, body string, icon any) error {
					time.Sleep(tt.delay)
					got = shown{title, body, icon, alert}
					return tt.fail
				}
			}
			b := &beeepNotifier{notify: fake(false), alert: fake(true)}
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			id, err := b.Send(ctx, tt.note)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Send = %v, want containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || id != 1 {
				t.Fatalf("Send = %d, %v; want 1, nil", id, err)
			}
			if got != tt.want {
				t.Errorf("shown %+v, want %+v", got, tt.want)
			}
			if b.SupportsActions() || b.Actions() != nil {
				t.Error("beeep claims action support")
			}
		})
	}
}

// TestNewBeeep checks what the Windows and macOS notifier sets up: beeep
// takes the sender's name only through its package variable, and the
// notifier has no actions and nothing to close.
func TestNewBeeep(t *testing.T) {
	old := beeep.AppName
	t.Cleanup(func() { beeep.AppName = old })
	b := newBeeep(config{appName: "Limber test"})
	if beeep.AppName != "Limber test" {
		t.Errorf("beeep.AppName = %q, want %q", beeep.AppName, "Limber test")
	}
	if b.notify == nil || b.alert == nil {
		t.Error("newBeeep left notify or alert unset")
	}
	if b.SupportsActions() || b.Actions() != nil {
		t.Error("beeep claims action support")
	}
	if err := b.Close(); err != nil {
		t.Errorf("Close = %v", err)
	}
}
