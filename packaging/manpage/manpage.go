package main

import (
	"fmt"
	"strings"
)

// page is what the man page is made of: the usage text `limber --help`
// prints (the one source of the commands and flags) and the version and
// build date `limber version` prints.
type page struct {
	usage   string
	version string // e.g. "v0.1.0"
	date    string // YYYY-MM-DD, or empty when the binary is not stamped
}

// The parts of the man page that --help does not say. They describe what
// README.md describes under "Command line" and "Where files live"; the
// exit codes are tested against app/cli's constants.
const (
	name        = `limber \- reminds you to stand up and guides you through short stretches`
	description = `Limber is a tray app for people who sit at a computer all day.
It watches how long you have been sitting, reminds you to stand up with a
notification that suggests a standing stretch, and plays illustrated, timed
stretching routines in a window, one click from the tray.
.PP
Run without a command,
.B limber
starts the tray daemon; if one already runs, it asks that daemon to open its
Settings window. The other commands talk to the running daemon over a private
control socket, or open a window of their own when none runs.
.PP
The routines are gentle everyday movements, not medical advice or treatment.`
	exitStatus = `.TP
.B 0
success
.TP
.B 1
failure; the message says what went wrong
.TP
.B 2
bad usage: an unknown command or bad arguments
.TP
.B 3
the command needs the daemon and none runs
.TP
.B 4
no routine with that ID
.TP
.B 5
a window was asked for but there is no display
.TP
.B 6
.B check\-routine
found errors`
	environment = `.TP
.B XDG_CONFIG_HOME
where the configuration and your routines are read (default
.IR ~/.config )
.TP
.B XDG_STATE_HOME
where the history is kept (default
.IR ~/.local/state )
.TP
.B XDG_RUNTIME_DIR
where the control socket is
.TP
.BR LC_ALL ", " LC_MESSAGES ", " LANG ", " LANGUAGE
the language of menus, notifications, windows and messages`
	files = `.TP
.I $XDG_CONFIG_HOME/limber/config.toml
settings; every key is optional
.TP
.I $XDG_CONFIG_HOME/limber/routines/*.toml
your own routines (see
.BR "limber check\-routine" )
.TP
.I $XDG_STATE_HOME/limber/history.jsonl
the history of breaks, append\-only
.TP
.I $XDG_RUNTIME_DIR/limber/limber.sock
the daemon's control socket
.TP
.I $XDG_CONFIG_HOME/autostart/io.github.limber_app.limber.desktop
the entry written by
.B limber autostart on`
	seeAlso = `The README at
.UR https://github.com/limber-app/limber
.UE
describes the configuration keys and the routine file format in full.`
)

// roff renders the man page. The usage text's first section lists the
// commands; every later one (the daemon flags) goes under OPTIONS, led by
// its heading.
func (p page) roff() (string, error) {
	sections, err := parseUsage(p.usage)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, ".\\\" Generated from `limber help` by packaging/manpage; do not edit.\n")
	fmt.Fprintf(&b, ".TH LIMBER 1 %q %q \"User Commands\"\n", p.date, "limber "+strings.TrimPrefix(p.version, "v"))
	fmt.Fprintf(&b, ".SH NAME\n%s\n", name)
	b.WriteString(".SH SYNOPSIS\n.B limber\n.RI [ options ]\n.br\n.B limber\n.I command\n.RI [ arguments ]\n")
	fmt.Fprintf(&b, ".SH DESCRIPTION\n%s\n", description)
	for i, s := range sections {
		if i == 0 {
			b.WriteString(".SH COMMANDS\n")
		} else {
			if i == 1 {
				b.WriteString(".SH OPTIONS\n")
			}
			fmt.Fprintf(&b, ".PP\n%s:\n", escape(s.heading))
		}
		writeEntries(&b, s.entries)
	}
	fmt.Fprintf(&b, ".SH EXIT STATUS\n%s\n", exitStatus)
	fmt.Fprintf(&b, ".SH ENVIRONMENT\n%s\n", environment)
	fmt.Fprintf(&b, ".SH FILES\n%s\n", files)
	fmt.Fprintf(&b, ".SH SEE ALSO\n%s\n", seeAlso)
	return b.String(), nil
}

// writeEntries writes a tagged paragraph per described entry; an entry
// without a description (a line of flags, "limber resume") is a paragraph
// of its own.
func writeEntries(b *strings.Builder, entries []entry) {
	for _, e := range entries {
		terms := strings.Join(mapTerms(e.terms), "  ")
		if e.desc == "" {
			fmt.Fprintf(b, ".PP\n%s\n", terms)
			continue
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", terms, escape(e.desc))
	}
}

func mapTerms(terms []string) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = term(t)
	}
	return out
}
