package daemon

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// loadConfig reads the config file and applies the command-line
// overrides. Bad keys fall back to their defaults and are reported.
func (c *core) loadConfig() {
	c.setConfig(c.readConfig(c.catalog))
}

// readConfig reads the config file, checks its suggest against catalog
// and applies the command-line overrides. It touches only what never
// changes (the path, the options, the logger), so the daemon calls it
// without its lock: file I/O never holds up the tray or a command.
func (c *core) readConfig(catalog routines.Catalog) loadedConfig {
	l := loadedConfig{stamp: stamp(c.cfgPath)}
	cfg, errs := reminders.LoadConfigChecked(c.cfgPath, func(id string) bool {
		_, ok := catalog.Find(id)
		return ok
	})
	l.cfg, l.errs = applyOverrides(cfg, errs, c.opts)
	return l
}

// loadedConfig is a config as read from disk, not yet in use.
type loadedConfig struct {
	stamp string // what the file looked like when read
	cfg   reminders.Config
	errs  []reminders.ConfigError
}

// setConfig puts a config read by readConfig in use (the engine is told
// by the caller).
func (c *core) setConfig(l loadedConfig) {
	for _, e := range l.errs {
		c.log.Warn("config", "err", e)
	}
	c.cfgStamp, c.cfg, c.cfgErrs = l.stamp, l.cfg, l.errs
}

// applyOverrides puts the daemon's --sitting-limit and --natural-break
// over the config for this run. A flag is the user's explicit choice, so
// when it conflicts with the other value (the natural break must be shorter
// than the sitting limit) the flag is kept and the other value is adjusted
// for this run: the natural break becomes half the limit, or the limit
// twice the break. One message names both values, where each came from,
// and what was done.
func applyOverrides(cfg reminders.Config, errs []reminders.ConfigError, opts Options) (reminders.Config, []reminders.ConfigError) {
	flagLimit, flagBreak := opts.SittingLimit > 0, opts.NaturalBreak > 0
	if !flagLimit && !flagBreak {
		return cfg, errs
	}
	def := reminders.DefaultConfig()
	limitFrom := valueFrom("sitting_limit", cfg.SittingLimit, def.SittingLimit)
	breakFrom := valueFrom("natural_break", cfg.NaturalBreak, def.NaturalBreak)
	if flagLimit {
		cfg.SittingLimit = opts.SittingLimit
		limitFrom = "--sitting-limit " + reminders.FormatDuration(opts.SittingLimit) + " (command line)"
	}
	if flagBreak {
		cfg.NaturalBreak = opts.NaturalBreak
		breakFrom = "--natural-break " + reminders.FormatDuration(opts.NaturalBreak) + " (command line)"
	}
	if cfg.NaturalBreak >= cfg.SittingLimit {
		if flagLimit {
			cfg.NaturalBreak = max(cfg.SittingLimit/2, time.Second).Truncate(time.Second)
			errs = append(errs, reminders.ConfigError{Key: "natural_break", Msg: fmt.Sprintf(
				"%s is not longer than %s: natural_break is %s for this run",
				limitFrom, breakFrom, reminders.FormatDuration(cfg.NaturalBreak))})
		} else {
			cfg.SittingLimit = 2 * cfg.NaturalBreak
			errs = append(errs, reminders.ConfigError{Key: "sitting_limit", Msg: fmt.Sprintf(
				"%s is not shorter than %s: sitting_limit is %s for this run",
				breakFrom, limitFrom, reminders.FormatDuration(cfg.SittingLimit))})
		}
	}
	for _, e := range cfg.Validate() {
		if e.Key == "sitting_limit" || e.Key == "natural_break" {
			e.Msg += " (from the command line)"
			errs = append(errs, e)
			cfg.SittingLimit, cfg.NaturalBreak = def.SittingLimit, def.NaturalBreak
		}
	}
	return cfg, errs
}

// valueFrom names a config value and where it came from: the default, or
// the config file when it differs from the default.
func valueFrom(key string, v, def time.Duration) string {
	from := "config file"
	if v == def {
		from = "default"
	}
	return fmt.Sprintf("%s %s (%s)", key, reminders.FormatDuration(v), from)
}

// reloadConfig applies a changed config file without a restart.
func (c *core) reloadConfig(l loadedConfig) {
	c.setConfig(l)
	c.apply(c.eng.ConfigChanged(c.clock(), c.cfg))
}

// reloadRoutines (re-)reads the user's routine folder.
func (c *core) reloadRoutines() {
	c.setRoutines(c.readRoutines())
}

// readRoutines reads the user's routine folder; like readConfig it needs
// no lock.
func (c *core) readRoutines() (string, routines.Catalog) {
	dir := c.opts.Paths.RoutinesDir()
	return stamp(dir), routines.Load(dir)
}

// setRoutines puts a catalog read by readRoutines in use.
func (c *core) setRoutines(routStamp string, catalog routines.Catalog) {
	for _, e := range catalog.Errors {
		c.log.Warn("routine file skipped", "err", e)
	}
	c.routStamp, c.catalog = routStamp, catalog
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
