package tilde

import (
	"path/filepath"
	"testing"
)

func TestUnder(t *testing.T) {
	home := filepath.FromSlash("/home/ann")
	tests := []struct{ p, want string }{
		{"/home/ann/.config/limber/config.toml", "~/.config/limber/config.toml"},
		{"/home/ann", "~"},
		{"/home/ann/..hidden/x", "~/..hidden/x"},
		{"/home/anna/x", "/home/anna/x"},
		{"/home", "/home"},
		{"/etc/limber.toml", "/etc/limber.toml"},
		{"config.toml", "config.toml"},
	}
	for _, tt := range tests {
		p, want := filepath.FromSlash(tt.p), filepath.FromSlash(tt.want)
		if got := under(home, p); got != want {
			t.Errorf("under(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestPathEmpty(t *testing.T) {
	if got := Path(""); got != "" {
		t.Errorf("Path(\"\") = %q", got)
	}
}
