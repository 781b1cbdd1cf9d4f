// Package flatpak holds no code: its test checks the Flatpak manifest
// beside it, which cannot be built here (flatpak-builder downloads the
// freedesktop runtime).
package flatpak

import (
	"bufio"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

const appID = "io.github.limber_app.limber"

// manifest is the part of a flatpak-builder manifest this test reads.
type manifest struct {
	AppID          string   `yaml:"app-id"`
	Runtime        string   `yaml:"runtime"`
	RuntimeVersion string   `yaml:"runtime-version"`
	SDK            string   `yaml:"sdk"`
	SDKExtensions  []string `yaml:"sdk-extensions"`
	Command        string   `yaml:"command"`
	FinishArgs     []string `yaml:"finish-args"`
	Modules        []struct {
		Name          string   `yaml:"name"`
		BuildSystem   string   `yaml:"buildsystem"`
		BuildCommands []string `yaml:"build-commands"`
		Sources       []struct {
			Type string `yaml:"type"`
			Path string `yaml:"path"`
		} `yaml:"sources"`
	} `yaml:"modules"`
}

func readManifest(t *testing.T) manifest {
	t.Helper()
	data, err := os.ReadFile(appID + ".yml")
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("the manifest is not valid YAML: %v", err)
	}
	return m
}

func TestManifest(t *testing.T) {
	m := readManifest(t)
	if m.AppID != appID || m.Command != "limber" {
		t.Errorf("app-id %q, command %q; want %q, limber", m.AppID, m.Command, appID)
	}
	if m.Runtime != "org.freedesktop.Platform" || m.SDK != "org.freedesktop.Sdk" || m.RuntimeVersion == "" ||
		!slices.Contains(m.SDKExtensions, "org.freedesktop.Sdk.Extension.golang") {
		t.Errorf("runtime %q %q, sdk %q %q: want the freedesktop runtime with the Go extension", m.Runtime, m.RuntimeVersion, m.SDK, m.SDKExtensions)
	}
	if len(m.Modules) != 1 || len(m.Modules[0].Sources) != 1 || m.Modules[0].Sources[0].Type != "dir" {
		t.Fatalf("want one module built from the checkout, got %+v", m.Modules)
	}
	if src := filepath.Clean(m.Modules[0].Sources[0].Path); src != filepath.Clean("../..") {
		t.Errorf("source path %q is not the repository", src)
	}
	// Every file a build command installs from the checkout exists, and
	// the desktop entry and metainfo go where Flatpak exports them from.
	installs := map[string]string{}
	for _, cmd := range m.Modules[0].BuildCommands {
		f := strings.Fields(cmd)
		if len(f) == 4 && f[0] == "install" {
			installs[f[3]] = f[2]
			if f[2] != "limber" {
				if _, err := os.Stat(filepath.Join("..", "..", f[2])); err != nil {
					t.Errorf("build command installs %s: %v", f[2], err)
				}
			}
		}
	}
	for _, dst := range []string{"/app/bin/limber", "/app/share/applications/" + appID + ".desktop",
		"/app/share/metainfo/" + appID + ".metainfo.xml", "/app/share/icons/hicolor/scalable/apps/" + appID + ".svg"} {
		if _, ok := installs[dst]; !ok {
			t.Errorf("nothing installs %s (installed: %v)", dst, installs)
		}
	}
}

// TestPermissions keeps the sandbox to what a tray app needs: the
// D-Bus names it talks to, a display, and no network or home folder.
func TestPermissions(t *testing.T) {
	args := readManifest(t).FinishArgs
	for _, want := range []string{
		"--socket=wayland", "--socket=fallback-x11", "--device=dri", "--share=ipc",
		"--talk-name=org.kde.StatusNotifierWatcher", "--talk-name=org.freedesktop.Notifications",
		"--talk-name=org.gnome.Mutter.IdleMonitor", "--talk-name=org.freedesktop.ScreenSaver",
		"--talk-name=org.gnome.ScreenSaver", "--system-talk-name=org.freedesktop.login1",
		"--filesystem=xdg-run/limber:create",
	} {
		if !slices.Contains(args, want) {
			t.Errorf("finish-args lack %s", want)
		}
	}
	for _, a := range args {
		for _, bad := range []string{"--share=network", "--socket=session-bus", "--socket=system-bus",
			"--filesystem=home", "--filesystem=host", "--own-name=", "--socket=x11"} {
			if strings.HasPrefix(a, bad) {
				t.Errorf("finish-args has %s: more than a tray app needs", a)
			}
		}
	}
}

// TestIDsAgree checks the app id, the desktop entry's name and keys, and
// the metainfo's id and launchable against FyneApp.toml, the source the
// other packages' desktop entry is made from.
func TestIDsAgree(t *testing.T) {
	var app struct {
		Details struct {
			ID, Name string
		}
		LinuxAndBSD struct {
			GenericName, Comment string
			Categories, Keywords []string
		}
	}
	if _, err := toml.DecodeFile(filepath.Join("..", "..", "FyneApp.toml"), &app); err != nil {
		t.Fatal(err)
	}
	if app.Details.ID != appID {
		t.Fatalf("FyneApp.toml's ID %q is not %q", app.Details.ID, appID)
	}

	f, err := os.Open(appID + ".desktop")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entry := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			entry[k] = v
		}
	}
	list := func(l []string) string { return strings.Join(l, ";") + ";" }
	for k, want := range map[string]string{
		"Type": "Application", "Exec": "limber", "Icon": appID, "Name": app.Details.Name,
		"GenericName": app.LinuxAndBSD.GenericName, "Comment": app.LinuxAndBSD.Comment,
		"Categories": list(app.LinuxAndBSD.Categories), "Keywords": list(app.LinuxAndBSD.Keywords),
	} {
		if entry[k] != want {
			t.Errorf("desktop entry %s=%q, FyneApp.toml says %q", k, entry[k], want)
		}
	}

	data, err := os.ReadFile(filepath.Join("..", appID+".metainfo.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		ID         string `xml:"id"`
		Launchable string `xml:"launchable"`
		Icon       string `xml:"icon"`
		License    string `xml:"project_license"`
		MetaLic    string `xml:"metadata_license"`
	}
	if err := xml.Unmarshal(data, &meta); err != nil {
		t.Fatal(err)
	}
	if meta.ID != appID || meta.Launchable != appID+".desktop" || meta.Icon != appID {
		t.Errorf("metainfo id %q, launchable %q, icon %q; want %s and its .desktop", meta.ID, meta.Launchable, meta.Icon, appID)
	}
	if meta.License != "MIT" || meta.MetaLic != "CC0-1.0" {
		t.Errorf("metainfo licences %q / %q, want MIT / CC0-1.0 (LICENSE is MIT)", meta.License, meta.MetaLic)
	}
}
