package daemon

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/reminders/idle"
	"github.com/limber-app/limber/routines"
)

// core is the daemon's state: the engine, its inputs and what it has
// decided to show. Daemon.mu guards it. It performs no slow calls itself;
// reminders to show are queued in pending and sent by the daemon after
// unlocking.
type core struct {
	opts Options
	log  *slog.Logger

	cfgPath string
	cfg     reminders.Config
	cfgErrs []reminders.ConfigError
	eng     *reminders.Engine
	clock   func() reminders.Instant

	idle       idle.Source
	idleNote   string
	idleFailed bool

	history   *reminders.History
	statePath string
	saved     reminders.SavedState

	catalog     routines.Catalog
	cfgStamp    string   // what the config file looked like when loaded
	routStamp   string   // what the routines folder looked like when loaded
	nextRoutine int      // rotation index over quick routines
	reminded    string   // routine the last reminder suggested; its Start button opens it
	recent      []string // stretches suggested lately, newest last

	routineOpen     string // routine window shown, "" when none
	routineReported bool   // its outcome arrived

	pending []reminder // reminders to show, drained by the daemon
}

// reminder is one nudge to show.
type reminder struct {
	Title, Body string
	Routine     string // the routine Start opens
	Stretch     string // the stretch suggested in the text
	Prompt      bool   // show the break window instead of a notification
	Sitting     time.Duration
}

func newCore(opts Options, clock func() reminders.Instant) (*core, error) {
	c := &core{opts: opts, log: opts.Log, clock: clock}
	c.cfgPath = opts.ConfigPath
	if c.cfgPath == "" {
		c.cfgPath = opts.Paths.ConfigFile()
	}
	c.loadConfig()
	c.routStamp = stamp(opts.Paths.RoutinesDir())
	c.catalog = routines.Load(opts.Paths.RoutinesDir())
	for _, e := range c.catalog.Errors {
		c.log.Warn("routine file skipped", "err", e)
	}

	now := clock()
	c.eng = reminders.New(c.cfg, now)
	c.openIdle()

	if err := os.MkdirAll(opts.Paths.StateDir, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", opts.Paths.StateDir, err)
	}
	events, err := reminders.ReadHistory(opts.Paths.HistoryFile())
	if err != nil {
		c.log.Warn("history unreadable; today's counts start at zero", "err", err)
	}
	c.eng.RestoreToday(events)
	h, err := reminders.OpenHistory(opts.Paths.HistoryFile())
	if err != nil {
		return nil, err
	}
	c.history = h

	c.statePath = opts.Paths.StateFile()
	saved, err := reminders.LoadState(c.statePath)
	if err != nil {
		c.log.Warn("state file unreadable; not paused", "err", err)
	}
	c.saved = saved
	if !saved.PausedUntil.IsZero() {
		c.apply(c.eng.RestorePause(now, saved.PausedUntil))
	}
	return c, nil
}

// loadConfig reads the config file and applies the command-line
// overrides. Bad keys fall back to their defaults and are reported.
func (c *core) loadConfig() {
	c.cfgStamp = stamp(c.cfgPath)
	cfg, errs := reminders.LoadConfig(c.cfgPath)
	if c.opts.SittingLimit > 0 {
		cfg.SittingLimit = c.opts.SittingLimit
	}
	if c.opts.NaturalBreak > 0 {
		cfg.NaturalBreak = c.opts.NaturalBreak
	}
	if c.opts.SittingLimit > 0 || c.opts.NaturalBreak > 0 {
		for _, e := range cfg.Validate() {
			e.Msg += " (from the command line)"
			errs = append(errs, e)
			def := reminders.DefaultConfig()
			cfg.SittingLimit, cfg.NaturalBreak = def.SittingLimit, def.NaturalBreak
		}
	}
	for _, e := range errs {
		c.log.Warn("config", "err", e)
	}
	c.cfg, c.cfgErrs = cfg, errs
}

// reloadConfig applies a changed config file without a restart.
func (c *core) reloadConfig() {
	c.loadConfig()
	c.apply(c.eng.ConfigChanged(c.clock(), c.cfg))
}

// reloadRoutines re-reads the user's routine folder.
func (c *core) reloadRoutines() {
	c.routStamp = stamp(c.opts.Paths.RoutinesDir())
	c.catalog = routines.Load(c.opts.Paths.RoutinesDir())
	for _, e := range c.catalog.Errors {
		c.log.Warn("routine file skipped", "err", e)
	}
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

// openIdle picks the activity source: the flag, else the config, else
// auto-probing. A source that fails later is replaced by "none" with a
// note, rather than stopping reminders.
func (c *core) openIdle() {
	name := c.opts.IdleSource
	if name == "" || name == idle.Auto {
		name = c.cfg.IdleSource
	}
	src, attempts, err := idle.OpenReport(name)
	if err != nil {
		c.log.Warn("idle source unavailable; natural breaks cannot be seen", "source", name, "err", err)
		src, _ = idle.Open(idle.None)
	}
	for _, a := range attempts {
		c.log.Debug("idle source probe", "attempt", a.String())
	}
	c.idle = src
	if src.Name() == idle.None {
		c.idleNote = i18n.T("status.idle-none")
	}
}

func (c *core) close() error {
	var errs []error
	if c.idle != nil {
		errs = append(errs, c.idle.Close())
	}
	if c.history != nil {
		errs = append(errs, c.history.Close())
	}
	return errors.Join(errs...)
}

// apply carries out an engine's effects: history lines, the saved pause,
// and reminders to show.
func (c *core) apply(fx reminders.Effects) {
	if len(fx.History) > 0 {
		if err := c.history.Append(fx.History...); err != nil {
			c.log.Error("write history", "err", err)
		}
	}
	if until := c.eng.PausedUntil(); !until.Equal(c.saved.PausedUntil) {
		c.saved.PausedUntil = until
		if err := reminders.SaveState(c.statePath, c.saved); err != nil {
			c.log.Error("save pause", "err", err)
		}
	}
	if fx.Remind != nil {
		c.pending = append(c.pending, c.compose(*fx.Remind))
	}
	if fx.Changed() {
		c.log.Info("state", "from", fx.From.String(), "to", fx.To.String())
	}
}

// observe reads the idle source and advances the engine to now.
func (c *core) observe(now reminders.Instant, dndActive func() bool) {
	idleFor, err := c.idle.Idle()
	if err != nil {
		if !c.idleFailed {
			c.log.Warn("idle source failed; treating you as present", "source", c.idle.Name(), "err", err)
			c.idleFailed = true
		}
		idleFor = 0
	} else if c.idleFailed {
		c.log.Info("idle source works again", "source", c.idle.Name())
		c.idleFailed = false
	}
	// Do-not-disturb is only asked about when a reminder is about to be
	// shown or is being held: it costs a D-Bus round trip.
	if dndActive != nil && c.cfg.DND == reminders.DNDHold {
		st := c.eng.Status(now)
		if st.Held || (st.HasNextReminder && st.NextReminder <= 0) {
			c.apply(c.eng.SetDND(now, dndActive()))
		}
	}
	c.apply(c.eng.Observe(now, idleFor))
}

// dndPoll is how often a held reminder re-checks do-not-disturb. The check
// reads a cached D-Bus property, and it only runs while a reminder is held.
const dndPoll = 5 * time.Second

// nextWake is when the loop must run again: the engine's next possible
// change, the next minute boundary of the tray's "Sitting N min" line, or
// the next do-not-disturb check while a reminder is held.
func (c *core) nextWake(now reminders.Instant) time.Time {
	next := c.eng.NextWake(now)
	st := c.eng.Status(now)
	if st.State == reminders.Sitting || st.State == reminders.Due {
		toMinute := time.Minute - st.Sitting%time.Minute
		if at := now.Wall.Add(toMinute); at.Before(next) {
			next = at
		}
	}
	if st.Held {
		if at := now.Wall.Add(dndPoll); at.Before(next) {
			next = at
		}
	}
	return next
}

// command carries out a pause, resume, snooze or skip.
func (c *core) command(now reminders.Instant, req control.Request) error {
	var fx reminders.Effects
	var err error
	switch req.Cmd {
	case control.CmdPause:
		switch req.For {
		case "forever", "":
			fx, err = c.eng.Pause(now, reminders.Forever())
		case "tomorrow":
			fx, err = c.eng.PauseUntilTomorrow(now)
		default:
			var d time.Duration
			d, err = time.ParseDuration(req.For)
			if err == nil && d <= 0 {
				err = fmt.Errorf("%q is not a positive duration", req.For)
			}
			if err == nil {
				fx, err = c.eng.Pause(now, now.Wall.Add(d))
			}
		}
	case control.CmdResume:
		fx, err = c.eng.Resume(now)
	case control.CmdSnooze:
		d := c.cfg.Snooze
		if req.For != "" {
			d, err = time.ParseDuration(req.For)
			if err == nil && d <= 0 {
				err = fmt.Errorf("%q is not a positive duration", req.For)
			}
		}
		if err == nil {
			fx, err = c.eng.Snooze(now, d)
		}
	case control.CmdSkip:
		fx, err = c.eng.Skip(now)
	default:
		err = fmt.Errorf("unknown command %q", req.Cmd)
	}
	if err != nil {
		return err
	}
	c.apply(fx)
	return nil
}

// childMessage follows routine windows: the engine counts a routine as
// time away from sitting, and its outcome as a break.
func (c *core) childMessage(now reminders.Instant, o control.Outcome) {
	if o.Window != control.WindowRoutine {
		return
	}
	switch o.Action {
	case "ready":
		c.routineOpen, c.routineReported = o.RoutineID, false
		c.apply(c.eng.RoutineStarted(now, o.RoutineID))
	case "completed", "stopped":
		if c.routineOpen == "" {
			return
		}
		c.routineReported = true
		c.apply(c.eng.RoutineFinished(now, c.routineOpen, o.Action == "completed", o.Seconds))
	case "exited":
		if c.routineOpen != "" && !c.routineReported {
			// Crashed or killed before reporting: a partial routine.
			c.apply(c.eng.RoutineFinished(now, c.routineOpen, false, 0))
		}
		c.routineOpen, c.routineReported = "", false
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

// takePending hands the queued reminders to the daemon.
func (c *core) takePending() []reminder {
	p := c.pending
	c.pending = nil
	return p
}

func (c *core) hasRoutine(id string) bool {
	_, ok := c.catalog.Find(id)
	return ok
}

func (c *core) trayRoutines() []tray.Entry {
	entries := make([]tray.Entry, 0, len(c.catalog.Routines))
	for _, r := range c.catalog.Routines {
		entries = append(entries, tray.Entry{ID: r.ID, Label: i18n.RoutineName(r)})
	}
	return entries
}

// remindedRoutine is the routine the last reminder offered, so its Start
// button opens what the notification said even after the rotation moved on.
func (c *core) remindedRoutine() string {
	if c.reminded != "" && c.hasRoutine(c.reminded) {
		return c.reminded
	}
	return c.suggestedRoutine()
}

// quickRoutines are those that fit next to a desk: standing or seated only.
func (c *core) quickRoutines() []routines.Routine {
	var out []routines.Routine
	for _, r := range c.catalog.Routines {
		ok := len(r.Steps) > 0
		for _, p := range r.Positions() {
			if p != routines.Standing && p != routines.Seated {
				ok = false
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// suggestedRoutine is what "Start stretch routine" and a reminder's Start
// button open: the configured routine, or the quick routines in turn,
// starting with the quick standing reset.
func (c *core) suggestedRoutine() string {
	if c.cfg.Suggest != "" && c.cfg.Suggest != reminders.SuggestRotate && c.hasRoutine(c.cfg.Suggest) {
		return c.cfg.Suggest
	}
	quick := c.quickRoutines()
	if len(quick) == 0 {
		if len(c.catalog.Routines) == 0 {
			return ""
		}
		return c.catalog.Routines[0].ID
	}
	return quick[c.nextRoutine%len(quick)].ID
}

// compose writes the reminder: how long they sat, and one standing or
// seated stretch to try, not one of the last few suggested.
func (c *core) compose(r reminders.Remind) reminder {
	routine := c.suggestedRoutine()
	c.nextRoutine++
	c.reminded = routine
	body := i18n.F("reminder.sitting", i18n.Args{"Duration": humanMinutes(r.Sitting)})
	stretch := ""
	if s, ok := c.pickStretch(); ok {
		stretch = s.ID
		cue := ""
		if cues := i18n.StretchCues(s); len(cues) > 0 {
			cue = cues[0]
		}
		body += " " + i18n.F("reminder.try", i18n.Args{"Stretch": i18n.StretchName(s), "Cue": cue})
	}
	return reminder{
		Title:   i18n.T("reminder.title"),
		Body:    body,
		Routine: routine,
		Stretch: stretch,
		Prompt:  c.cfg.PromptInstead,
		Sitting: r.Sitting,
	}
}

// testReminder composes a reminder as if one were due now, for the
// settings window's "Send a test reminder". It is neither recorded nor
// counted.
func (c *core) testReminder(now reminders.Instant) reminder {
	r := c.compose(reminders.Remind{Sitting: c.eng.Status(now).Sitting, Count: 1})
	r.Title = i18n.T("reminder.title.test")
	return r
}

// recentWindow is how many past suggestions a new one avoids.
const recentWindow = 4

func (c *core) pickStretch() (routines.Stretch, bool) {
	all := routines.Suggestable()
	if len(all) == 0 {
		return routines.Stretch{}, false
	}
	// Walk the library from a point that moves with every reminder, so
	// suggestions vary even across restarts within a day.
	start := int(c.eng.Status(c.clock()).Today.Reminders) * 7
	for i := range all {
		s := all[(start+i)%len(all)]
		if !slices.Contains(c.recent, s.ID) {
			c.recent = append(c.recent, s.ID)
			if len(c.recent) > recentWindow {
				c.recent = c.recent[1:]
			}
			return s, true
		}
	}
	return all[start%len(all)], true
}

func humanMinutes(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case d < time.Minute:
		return i18n.N("duration.seconds", int(d/time.Second), nil)
	case m < 120:
		return i18n.N("duration.minutes", m, nil)
	default:
		return i18n.F("duration.hours-minutes", i18n.Args{"Hours": m / 60, "Minutes": fmt.Sprintf("%02d", m%60)})
	}
}

// view is the tray's look for the current state.
func (c *core) view(now reminders.Instant) tray.View {
	st := c.eng.Status(now)
	v := tray.View{Line: statusLine(st, now.Wall, c.idle.Name() == idle.None), Icon: "normal"}
	switch st.State {
	case reminders.Due:
		v.Icon = "due"
	case reminders.Paused:
		v.Icon, v.Paused = "paused", true
	case reminders.Away, reminders.OutsideHours:
		v.Icon = "away"
	}
	v.CanSnooze = (st.State == reminders.Due || st.State == reminders.Sitting) && st.SnoozesLeft > 0
	return v
}

// statusLine is the one-line summary shown in the tray and by `limber status`.
func statusLine(st reminders.Status, now time.Time, blind bool) string {
	mins := func(d time.Duration) int { return int(d / time.Minute) }
	var line string
	switch st.State {
	case reminders.Sitting:
		line = i18n.F("status.sitting", i18n.Args{"Minutes": mins(st.Sitting)})
		if st.HasNextReminder {
			line += " · " + i18n.F("status.break-in", i18n.Args{"Minutes": mins(st.NextReminder + time.Minute - time.Second)})
		}
	case reminders.Due:
		line = i18n.F("status.due", i18n.Args{"Minutes": mins(st.Sitting)})
	case reminders.Paused:
		switch {
		case reminders.IsForever(st.PausedUntil):
			line = i18n.T("status.paused-forever")
		case sameDay(st.PausedUntil, now):
			line = i18n.F("status.paused-until", i18n.Args{"Time": st.PausedUntil.Format("15:04")})
		default:
			line = i18n.F("status.paused-until-day", i18n.Args{"DayTime": i18n.DayTime(st.PausedUntil)})
		}
	case reminders.OutsideHours:
		line = i18n.T("status.outside-hours")
		if !st.ResumesAt.IsZero() && !reminders.IsForever(st.ResumesAt) {
			if sameDay(st.ResumesAt, now) {
				line += " · " + i18n.F("status.back-at", i18n.Args{"Time": st.ResumesAt.Format("15:04")})
			} else {
				line += " · " + i18n.F("status.back-on", i18n.Args{"DayTime": i18n.DayTime(st.ResumesAt)})
			}
		}
	case reminders.Away:
		line = i18n.T("status.away")
	case reminders.InRoutine:
		line = i18n.T("status.in-routine")
	default:
		line = st.State.String()
	}
	if blind && (st.State == reminders.Sitting || st.State == reminders.Due) {
		line += " · " + i18n.T("status.blind")
	}
	return line
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.In(a.Location()).Date()
	return ay == by && am == bm && ad == bd
}

// status is the contract view of `limber status --json`.
func (c *core) status(now reminders.Instant) *control.Status {
	st := c.eng.Status(now)
	out := &control.Status{
		State:          st.State.String(),
		Line:           statusLine(st, now.Wall, c.idle.Name() == idle.None),
		SittingSeconds: int64(st.Sitting / time.Second),
		IdleSource:     c.idle.Name(),
		IdleNote:       c.idleNote,
		BreaksToday:    st.Today.Breaks,
		SkippedToday:   st.Today.Skipped,
		SnoozedToday:   st.Today.Snoozed,
		RemindersToday: st.Today.Reminders,
		ConfigErrors:   []string{},
		PID:            os.Getpid(),
	}
	if st.HasNextReminder {
		s := int64(st.NextReminder / time.Second)
		out.NextReminderSeconds = &s
	}
	if !st.PausedUntil.IsZero() {
		s := "forever"
		if !reminders.IsForever(st.PausedUntil) {
			s = st.PausedUntil.Format(time.RFC3339)
		}
		out.PausedUntil = &s
	}
	if !st.ResumesAt.IsZero() {
		s := st.ResumesAt.Format(time.RFC3339)
		out.ResumesAt = &s
	}
	out.ConfigErrors = c.configErrors()
	out.RoutineErrors = []string{}
	for _, e := range c.catalog.Errors {
		out.RoutineErrors = append(out.RoutineErrors, e.Error())
	}
	return out
}
