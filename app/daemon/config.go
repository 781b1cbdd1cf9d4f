package daemon

import (
	"fmt"
	"os"
	"strings"

	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// loadConfig reads the config file and applies the command-line
// overrides. Bad keys fall back to their defaults and are reported.
func (c *core) loadConfig() {
	c.cfgStamp = stamp(c.cfgPath)
	cfg, errs := reminders.LoadConfig(c.cfgPath)
	cfg, errs = applyOverrides(cfg, errs, c.opts)
	for _, e := range errs {
		c.log.Warn("config", "err", e)
	}
	c.cfg, c.cfgErrs = cfg, errs
}

// applyOverrides puts the daemon's --sitting-limit and --natural-break
// over the config for this run. A pair that does not validate falls back
// to the defaults, with the problem reported as coming from the command
// line.
func applyOverrides(cfg reminders.Config, errs []reminders.ConfigError, opts Options) (reminders.Config, []reminders.ConfigError) {
	if opts.SittingLimit > 0 {
		cfg.SittingLimit = opts.SittingLimit
	}
	if opts.NaturalBreak > 0 {
		cfg.NaturalBreak = opts.NaturalBreak
	}
	if opts.SittingLimit > 0 || opts.NaturalBreak > 0 {
		for _, e := range cfg.Validate() {
			e.Msg += " (from the command line)"
			errs = append(errs, e)
			def := reminders.DefaultConfig()
			cfg.SittingLimit, cfg.NaturalBreak = def.SittingLimit, def.NaturalBreak
		}
	}
	return cfg, errs
}

// reloadConfig applies a changed config file without a restart.
func (c *core) reloadConfig() {
	c.loadConfig()
	c.apply(c.eng.ConfigChanged(c.clock(), c.cfg))
}

// reloadRoutines (re-)reads the user's routine folder.
func (c *core) reloadRoutines() {
	c.routStamp = stamp(c.opts.Paths.RoutinesDir())
	c.catalog = routines.Load(c.opts.Paths.RoutinesDir())
	for _, e := range c.catalog.Errors {
		c.log.Warn("routine file skipped", "err", e)
	}
}

// configErrors lists the config's problems as sentences with file, line
// and key.
func (c *core) configErrors() []string {
	out := make([]string, 0, len(c.cfgErrs))
	for _, e := range c.cfgErrs {
		out = append(out, e.Error())
	}
	return out
}

// routineErrors lists the routine files that were skipped, and why.
func (c *core) routineErrors() []string {
	out := make([]string, 0, len(c.catalog.Errors))
	for _, e := range c.catalog.Errors {
		out = append(out, e.Error())
	}
	return out
}

// stale reports whether the config file or the routines folder changed
// since they were loaded: the file watcher starts after loading, and a
// write in between would otherwise go unnoticed.
func (c *core) stale() (cfg, routinesDir bool) {
	return stamp(c.cfgPath) != c.cfgStamp, stamp(c.opts.Paths.RoutinesDir()) != c.routStamp
}

// stamp summarises a file, or a folder's entries, by name, size and
// modification time; "" when it does not exist.
func stamp(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	if !fi.IsDir() {
		return fmt.Sprint(fi.Size(), fi.ModTime().UnixNano())
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			fmt.Fprint(&b, e.Name(), info.Size(), info.ModTime().UnixNano(), ";")
		}
	}
	return b.String()
}
