package harness

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// systemServiceDir holds the session services a desktop's bus may start on
// demand.
const systemServiceDir = "/usr/share/dbus-1/services"

// busConfig is a session bus like the system's default, whose services
// are those in one folder.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>%s</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// writeBusConfig writes a session bus config into dir and returns its
// path. The bus may start the system's session services on demand, except
// notification servers: an installed dunst would otherwise answer every
// notification and tests could never run without a server, or with the
// test-side one. Tests start the server they want themselves.
func writeBusConfig(dir string) (string, error) {
	services := filepath.Join(dir, "services")
	if err := os.MkdirAll(services, 0o700); err != nil {
		return "", err
	}
	entries, _ := os.ReadDir(systemServiceDir) // none is fine
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(systemServiceDir, e.Name()))
		if err != nil || bytes.Contains(b, []byte("Name="+notificationsName)) {
			continue
		}
		if err := os.WriteFile(filepath.Join(services, e.Name()), b, 0o600); err != nil {
			return "", err
		}
	}
	conf := filepath.Join(dir, "session.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(busConfig, services)), 0o600); err != nil {
		return "", err
	}
	return conf, nil
}
