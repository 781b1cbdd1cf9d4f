package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileArguments: values nobody can mean are refused with a
// sentence that says what is wrong, before anything starts.
func TestHostileArguments(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
		want string // in the message
	}{
		{"", []string{"--config", filepath.Join(t.TempDir(), "nonexistent.toml")}, "cannot read the config file"},
		{"", []string{"--sitting-limit", "0s"}, "positive"},
		{"", []string{"--natural-break", "0s"}, "positive"},
		{"pause", []string{"99999h"}, "out of range"},
		{"pause", []string{"1ns"}, "out of range"},
		{"snooze", []string{"2562047h"}, "out of range"},
		{"snooze", []string{"30s"}, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.cmd+" "+strings.Join(tt.args, " "), func(t *testing.T) {
			env, _, errb, _ := testEnv(t)
			if code := Dispatch(env, tt.cmd, tt.args); code != ExitUsage {
				t.Errorf("exit %d, want %d; stderr %q", code, ExitUsage, errb)
			}
			if !strings.Contains(errb.String(), tt.want) {
				t.Errorf("stderr %q does not say %q", errb, tt.want)
			}
		})
	}
}
