package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/daemon"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/reminders"
)

// runDaemon starts the tray daemon, or, if one runs, asks it to open
// Settings: starting Limber again from the app menu should do something
// visible, never add a second icon.
func runDaemon(env Env, args []string) int {
	fs := flag.NewFlagSet("limber", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	configPath := fs.String("config", "", "config file")
	sittingLimit := fs.Duration("sitting-limit", 0, "sitting limit")
	naturalBreak := fs.Duration("natural-break", 0, "natural break")
	idleSource := fs.String("idle-source", "auto", "idle source")
	if err := fs.Parse(args); err != nil {
		return usageError(env, err.Error())
	}
	if fs.NArg() != 0 {
		return usageError(env, i18n.F("cli.unknown-command", i18n.Args{"Command": strconv.Quote(fs.Arg(0))}))
	}
	if msg := checkDaemonFlags(fs, *configPath); msg != "" {
		return usageError(env, msg)
	}
	if !slices.Contains(reminders.IdleSources(), *idleSource) {
		return usageError(env, i18n.F("cli.unknown-idle-source", i18n.Args{
			"Source": strconv.Quote(*idleSource), "Accepted": strings.Join(reminders.IdleSources(), ", ")}))
	}
	p, err := resolvePaths(env)
	if err != nil {
		return fail(env, err)
	}

	if _, err := control.Send(p.Socket(), control.Request{Cmd: control.CmdOpen, Window: control.WindowSettings}); err == nil {
		fmt.Fprintln(env.Stderr, i18n.T("cli.already-running"))
		return ExitOK
	}

	exe, err := os.Executable()
	if err != nil {
		return fail(env, fmt.Errorf("find own executable: %w", err))
	}
	logger := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.String(a.Key, a.Value.Time().Format(time.TimeOnly))
			}
			return a
		},
	}))
	err = daemon.Run(daemon.Options{
		Paths:        p,
		Exe:          exe,
		ConfigPath:   *configPath,
		SittingLimit: *sittingLimit,
		NaturalBreak: *naturalBreak,
		IdleSource:   *idleSource,
		Version:      env.Version.Version,
		Log:          logger,
	})
	if errors.Is(err, control.ErrRunning) {
		// Lost a start-up race with another daemon: behave as a second start.
		_, _ = control.Send(p.Socket(), control.Request{Cmd: control.CmdOpen, Window: control.WindowSettings})
		fmt.Fprintln(env.Stderr, i18n.T("cli.already-running"))
		return ExitOK
	}
	if err != nil {
		return fail(env, err)
	}
	return ExitOK
}

// checkDaemonFlags refuses flags given with values that cannot be meant:
// a config file that does not exist (it would silently run on defaults) and
// durations that are zero or negative. It returns the message, or "".
func checkDaemonFlags(fs *flag.FlagSet, configPath string) string {
	var msg string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "sitting-limit", "natural-break":
			if d, ok := f.Value.(flag.Getter).Get().(time.Duration); ok && d <= 0 && msg == "" {
				msg = i18n.T("cli.durations-positive")
			}
		case "config":
			if _, err := os.Stat(configPath); err != nil && msg == "" {
				msg = i18n.F("cli.no-config", i18n.Args{"Path": strconv.Quote(configPath), "Error": err.Error()})
			}
		}
	})
	return msg
}
