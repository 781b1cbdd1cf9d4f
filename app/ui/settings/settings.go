// Package settings is Limber's Settings window content: a scrolling form
// over every config.toml key plus "start at login", validated as the user
// types with the same rules LoadConfig applies, so what Save writes always
// loads back without errors.
//
// It builds widgets only; app/gui creates the window, saves the file
// (reminders.SaveConfig) and tells the daemon. Like every app/ui package it
// does not import fyne.io/fyne/v2/app and is tested without GL.
package settings

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/internal/tilde"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// Autostart switches "start at login"; *autostart.Entry implements it.
type Autostart interface {
	Enabled() (bool, error)
	Set(on bool) error
	Describe() string
}

// Options are what the window shows and the actions it calls. Every func
// is called on the Fyne goroutine; nil ones hide their control.
type Options struct {
	Config       reminders.Config        // as loaded (invalid keys already replaced by defaults)
	Errors       []reminders.ConfigError // problems in the file, listed at the top
	Path         string                  // config.toml, shown as "Saves to …"
	Routines     []routines.Routine      // choices for "Suggested routine"
	Autostart    Autostart               // nil hides "Start at login"
	Save         func(reminders.Config) error
	Cancel       func()
	TestReminder func() // "Send a test reminder"
	// ConfirmDiscard asks whether to drop unsaved changes (Esc) and calls
	// discard if so; nil drops them without asking.
	ConfirmDiscard func(discard func())
}

// View is the Settings content. Build it with New.
type View struct {
	o Options

	// One control per config key, built from reminders.ConfigKeys: an
	// entry per duration or count key, a check per bool key; the choice
	// keys and the schedule have their own widgets.
	keys   map[string]reminders.ConfigKey
	fields map[string]*field        // duration and count keys
	checks map[string]*widget.Check // bool keys
	// choices are the choice keys shown as radio groups (meetings,
	// posture_after_break); dnd and idle_source have their own widgets.
	choices map[string]*widget.RadioGroup
	days    [7]*dayRow // Monday first

	dnd          *widget.RadioGroup
	suggest      *widget.Select
	suggestIDs   map[string]string // option label → routine ID or "rotate"
	idle         *widget.Select
	alwaysOn     *widget.Check
	autostart    *widget.Check
	autostartWas bool

	save, cancel *widget.Button
	status       *widget.Label
	where        *widget.Label // where the settings are saved
	scroll       *container.Scroll
	content      fyne.CanvasObject
}

// Choice labels, in the active language. Tests and the README refer to
// them.
func rotateLabel() string  { return i18n.T("settings.rotate") }
func dndHold() string      { return i18n.T("settings.dnd.hold") }
func dndIgnore() string    { return i18n.T("settings.dnd.ignore") }
func dayAllDay() string    { return i18n.T("settings.day.all-day") }
func dayHours() string     { return i18n.T("settings.day.hours") }
func dayOff() string       { return i18n.T("settings.day.off") }
func savedMessage() string { return i18n.T("settings.saved") }

const rangesPlaceholder = "09:00-12:30, 13:30-18:00"

// idleLabel names an idle_source value for people.
func idleLabel(source string) string {
	return i18n.Or("settings.idle."+source, source)
}

// checkLabels are the texts of the bool keys' check boxes.
func checkLabels() map[string]string {
	return map[string]string{"notification_buttons": "settings.buttons", "prompt_instead": "settings.prompt", "sounds": "settings.sounds"}
}

// radioKeys are the choice keys shown as a generic radio group, one
// option per value, labelled by the key's i18n key plus "." and the value.
var radioKeys = []string{"meetings", "posture_after_break"}

// choiceLabel names one value of a choice key for people.
func choiceLabel(name, value string) string { return i18n.Or(labelKey(name)+"."+value, value) }

// newChoice is the radio group of a choice key, with c's value selected.
func newChoice(k reminders.ConfigKey, c reminders.Config) *widget.RadioGroup {
	var labels []string
	for _, value := range k.Choices {
		labels = append(labels, choiceLabel(k.Name, value))
	}
	rg := widget.NewRadioGroup(labels, nil)
	rg.Horizontal = true
	rg.Required = true
	rg.SetSelected(choiceLabel(k.Name, k.Text(c)))
	return rg
}

// choiceItem is the form row of a choice key, with its hint.
func (v *View) choiceItem(name string) *widget.FormItem {
	return hinted(widget.NewFormItem(i18n.T(labelKey(name)), v.choices[name]), i18n.T(labelKey(name)+".hint"))
}

// labelKey is the i18n key naming a duration or count key's entry
// ("settings.sitting-limit"); its hint adds ".hint".
func labelKey(name string) string { return "settings." + strings.ReplaceAll(name, "_", "-") }

// field is a text entry with its own error line.
type field struct {
	entry *widget.Entry
	msg   *widget.Label
}

func newField(text, placeholder string, onChange func()) *field {
	f := &field{entry: widget.NewEntry(), msg: newErrorLabel()}
	f.entry.SetText(text)
	f.entry.SetPlaceHolder(placeholder)
	f.entry.OnChanged = func(string) { onChange() }
	return f
}

func newErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setError shows err beside the field (nil hides the message).
func setError(l *widget.Label, err error) {
	if err == nil {
		if l.Visible() {
			l.SetText("")
			l.Hide()
		}
		return
	}
	if l.Text != err.Error() || !l.Visible() {
		l.SetText(err.Error())
		l.Show()
	}
}

// dayRow is one weekday of the working hours.
type dayRow struct {
	day    time.Weekday
	mode   *widget.Select
	ranges *widget.Entry
	msg    *widget.Label
}

// New builds the view from o.
func New(o Options) *View {
	v := &View{o: o, keys: map[string]reminders.ConfigKey{}, fields: map[string]*field{}, checks: map[string]*widget.Check{},
		choices: map[string]*widget.RadioGroup{}}
	c := o.Config
	def := reminders.DefaultConfig()
	changed := v.revalidate

	for _, k := range reminders.ConfigKeys() {
		v.keys[k.Name] = k
		switch k.Kind {
		case reminders.KindDuration, reminders.KindCount:
			v.fields[k.Name] = newField(k.Text(c), k.Text(def), changed)
		case reminders.KindBool:
			v.checks[k.Name] = widget.NewCheck(i18n.T(checkLabels()[k.Name]), nil)
			v.checks[k.Name].SetChecked(k.Text(c) == "true")
		case reminders.KindChoice:
			if slices.Contains(radioKeys, k.Name) {
				v.choices[k.Name] = newChoice(k, c)
			}
		}
	}

	v.dnd = widget.NewRadioGroup([]string{dndHold(), dndIgnore()}, nil)
	v.dnd.Horizontal = true
	v.dnd.Required = true
	v.dnd.SetSelected(map[reminders.DNDMode]string{reminders.DNDIgnore: dndIgnore()}[c.DND])
	if v.dnd.Selected == "" {
		v.dnd.SetSelected(dndHold())
	}

	v.suggest, v.suggestIDs = suggestSelect(o.Routines, c.Suggest)

	idleOpts := make([]string, 0, len(v.keys["idle_source"].Choices))
	for _, s := range v.keys["idle_source"].Choices {
		idleOpts = append(idleOpts, idleLabel(s))
	}
	v.idle = widget.NewSelect(idleOpts, nil)
	v.idle.SetSelected(idleLabel(c.IdleSource))

	v.alwaysOn = widget.NewCheck(i18n.T("settings.always-on"), func(bool) { v.revalidate() })
	for i, d := range reminders.Weekdays() {
		v.days[i] = newDayRow(d, c.Schedule, changed)
	}
	v.alwaysOn.SetChecked(c.Schedule.AlwaysOn())

	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	v.save = widget.NewButtonWithIcon(i18n.T("settings.save"), theme.DocumentSaveIcon(), v.doSave)
	v.save.Importance = widget.HighImportance
	v.cancel = widget.NewButton(i18n.T("settings.cancel"), func() {
		if o.Cancel != nil {
			o.Cancel()
		}
	})

	sections := []fyne.CanvasObject{}
	if top := errorBox(o.Errors); top != nil {
		sections = append(sections, top)
	}
	breaks := widget.NewForm(
		v.entryItem("sitting_limit", def),
		v.entryItem("natural_break", def),
		widget.NewFormItem(i18n.T("settings.suggest"), v.suggest),
	)
	remindersForm := widget.NewForm(
		v.entryItem("remind_again", def),
		v.entryItem("max_reminders", def),
		v.entryItem("snooze", def),
		v.entryItem("snooze_limit", def),
		hinted(widget.NewFormItem(i18n.T("settings.dnd"), v.dnd), i18n.T("settings.dnd.hint")),
		v.choiceItem("meetings"),
		v.entryItem("max_hold", def),
		v.entryItem("lull", def),
		v.entryItem("lull_wait", def),
		hinted(widget.NewFormItem(i18n.T("settings.notifications"),
			container.NewVBox(v.checks["notification_buttons"], v.checks["prompt_instead"], v.checks["sounds"])), i18n.T("settings.notifications.hint")),
	)
	remindersBox := container.NewVBox(remindersForm)
	if o.TestReminder != nil {
		test := widget.NewButtonWithIcon(i18n.T("settings.test-reminder"), theme.MailSendIcon(), o.TestReminder)
		remindersBox.Add(container.NewHBox(test))
	}
	standing := widget.NewForm(
		v.entryItem("standing_limit", def),
		v.choiceItem("posture_after_break"),
	)
	hours := []*widget.FormItem{hinted(widget.NewFormItem("", v.alwaysOn), i18n.T("settings.always-on.hint"))}
	for _, r := range v.days {
		hours = append(hours, r.formItem())
	}
	hoursForm := widget.NewForm(hours...)
	hoursBox := container.NewVBox(hoursForm,
		hintLabel(i18n.T("settings.hours.hint")))

	systemForm := widget.NewForm(hinted(widget.NewFormItem(i18n.T("settings.idle"), v.idle), i18n.T("settings.idle.hint")))
	if o.Autostart != nil {
		systemForm.AppendItem(widget.NewFormItem(i18n.T("settings.autostart"), v.autostartControl(o.Autostart)))
	}

	sections = append(sections,
		widget.NewCard(i18n.T("settings.section.breaks"), "", breaks),
		widget.NewCard(i18n.T("settings.section.reminders"), "", remindersBox),
		widget.NewCard(i18n.T("settings.section.standing"), "", standing),
		widget.NewCard(i18n.T("settings.section.hours"), "", hoursBox),
		widget.NewCard(i18n.T("settings.section.system"), "", systemForm),
	)

	// "Saves to" until it has saved: nothing is written before Save.
	v.where = hintLabel(i18n.F("settings.saves-to", i18n.Args{"Path": tilde.Path(o.Path)}))
	v.where.Truncation = fyne.TextTruncateEllipsis
	buttons := container.NewHBox(v.cancel, v.save)
	footer := container.NewVBox(widget.NewSeparator(), v.status,
		container.NewBorder(nil, nil, nil, buttons, v.where))
	v.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(sections...)))
	v.content = container.NewBorder(nil, container.NewPadded(footer), nil, nil, v.scroll)
	v.revalidate()
	return v
}

// Content is the window content.
func (v *View) Content() fyne.CanvasObject { return v.content }

func (v *View) autostartControl(a Autostart) fyne.CanvasObject {
	v.autostart = widget.NewCheck(i18n.T("settings.autostart.check"), nil)
	desc := hintLabel(a.Describe())
	on, err := a.Enabled()
	if err != nil {
		desc.SetText(a.Describe() + " (" + err.Error() + ")")
	}
	v.autostartWas = on
	v.autostart.SetChecked(on)
	return container.NewVBox(v.autostart, desc)
}

// entryItem is the form row of a duration or count key: its entry, its
// error line, and a hint naming the default.
func (v *View) entryItem(name string, def reminders.Config) *widget.FormItem {
	f := v.fields[name]
	entry := container.NewBorder(nil, nil, nil, nil, container.NewGridWrap(fyne.NewSize(160, f.entry.MinSize().Height), f.entry))
	item := widget.NewFormItem(i18n.T(labelKey(name)), container.NewVBox(entry, f.msg))
	item.HintText = i18n.F(labelKey(name)+".hint", i18n.Args{"Default": v.keys[name].Text(def)})
	return item
}

func hinted(item *widget.FormItem, hint string) *widget.FormItem {
	item.HintText = hint
	return item
}

func hintLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// errorBox lists the config file's problems, or is nil when there are none.
func errorBox(errs []reminders.ConfigError) fyne.CanvasObject {
	if len(errs) == 0 {
		return nil
	}
	title := widget.NewLabel(i18n.T("settings.config-errors"))
	title.Wrapping = fyne.TextWrapWord
	title.Importance = widget.WarningImportance
	title.TextStyle.Bold = true
	box := container.NewVBox(title)
	for _, e := range errs {
		l := widget.NewLabel("• " + e.Error())
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return widget.NewCard("", "", container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(theme.WarningIcon())), nil, box))
}

func suggestSelect(list []routines.Routine, current string) (*widget.Select, map[string]string) {
	ids := map[string]string{rotateLabel(): reminders.SuggestRotate}
	opts := []string{rotateLabel()}
	selected := ""
	if current == reminders.SuggestRotate {
		selected = rotateLabel()
	}
	for _, r := range list {
		label := i18n.RoutineName(r)
		if label == "" {
			label = r.ID
		}
		if _, dup := ids[label]; dup {
			label = fmt.Sprintf("%s (%s)", label, r.ID)
		}
		if _, dup := ids[label]; dup {
			continue
		}
		ids[label] = r.ID
		opts = append(opts, label)
		if r.ID == current {
			selected = label
		}
	}
	if selected == "" { // a routine that is gone: keep it rather than lose the user's choice
		selected = i18n.F("settings.not-installed", i18n.Args{"ID": current})
		ids[selected] = current
		opts = append(opts, selected)
	}
	s := widget.NewSelect(opts, nil)
	s.SetSelected(selected)
	return s, ids
}

func newDayRow(d time.Weekday, s reminders.Schedule, onChange func()) *dayRow {
	r := &dayRow{day: d, ranges: widget.NewEntry(), msg: newErrorLabel()}
	ranges, set := s.Day(d)
	mode := dayAllDay()
	switch {
	case set && len(ranges) == 0:
		mode = dayOff()
	case set:
		mode = dayHours()
		parts := make([]string, len(ranges))
		for i, rg := range ranges {
			parts[i] = rg.String()
		}
		r.ranges.SetText(strings.Join(parts, ", "))
	}
	r.mode = widget.NewSelect([]string{dayAllDay(), dayHours(), dayOff()}, nil)
	r.mode.SetSelected(mode)
	r.mode.OnChanged = func(string) { onChange() }
	r.ranges.OnChanged = func(string) { onChange() }
	return r
}

func (r *dayRow) formItem() *widget.FormItem {
	// Every day's mode has the same width, that of its longest choice in
	// this language, so the range entries line up and no choice is cut.
	size := fyne.NewSize(selectWidth(r.mode.Options), r.mode.MinSize().Height)
	row := container.NewBorder(nil, nil, container.NewGridWrap(size, r.mode), nil, r.ranges)
	return widget.NewFormItem(i18n.Weekday(r.day), container.NewVBox(row, r.msg))
}

// selectWidth is the width a Select needs to show its widest option.
func selectWidth(options []string) float32 {
	var w float32
	for _, o := range options {
		s := widget.NewSelect([]string{o}, nil)
		s.SetSelected(o)
		w = max(w, s.MinSize().Width)
	}
	return w
}

// parse returns the day's ranges: nil, false for "All day"; none for "Off".
func (r *dayRow) parse() ([]reminders.Range, bool, error) {
	switch r.mode.Selected {
	case dayOff():
		return nil, true, nil
	case dayHours():
	default:
		return nil, false, nil
	}
	var out []reminders.Range
	for _, part := range strings.FieldsFunc(r.ranges.Text, func(c rune) bool { return c == ',' || c == ';' }) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		rg, err := reminders.ParseRange(part)
		if err != nil {
			return nil, true, errors.New(i18n.F("settings.bad-range", i18n.Args{"Error": err.Error()}))
		}
		out = append(out, rg)
	}
	if len(out) == 0 {
		return nil, true, errors.New(i18n.T("settings.no-range"))
	}
	return out, true, nil
}

// collect reads the controls into a Config; errs maps each invalid
// control (by config key, "schedule.monday" for a day) to its message.
func (v *View) collect() (reminders.Config, map[string]error) {
	cfg := v.o.Config
	errs := map[string]error{}
	for name, f := range v.fields {
		if err := v.keys[name].SetText(&cfg, f.entry.Text); err != nil {
			errs[name] = entryError(v.keys[name].Kind, f.entry.Text)
		}
	}
	for name, c := range v.checks {
		_ = v.keys[name].SetText(&cfg, strconv.FormatBool(c.Checked)) // cannot fail
	}
	for name, rg := range v.choices {
		for _, value := range v.keys[name].Choices {
			if choiceLabel(name, value) == rg.Selected {
				_ = v.keys[name].SetText(&cfg, value) // one of its choices
			}
		}
	}

	cfg.DND = reminders.DNDHold
	if v.dnd.Selected == dndIgnore() {
		cfg.DND = reminders.DNDIgnore
	}
	cfg.Suggest = v.suggestIDs[v.suggest.Selected]
	for _, id := range v.keys["idle_source"].Choices {
		if idleLabel(id) == v.idle.Selected {
			cfg.IdleSource = id
		}
	}

	v.collectSchedule(&cfg, errs)
	validationErrors(cfg, errs)
	return cfg, errs
}

// collectSchedule reads the working hours into cfg.
func (v *View) collectSchedule(cfg *reminders.Config, errs map[string]error) {
	cfg.Schedule = reminders.Schedule{}
	if v.alwaysOn.Checked {
		return
	}
	for _, r := range v.days {
		ranges, set, err := r.parse()
		key := "schedule." + strings.ToLower(r.day.String())
		switch {
		case err != nil:
			errs[key] = err
		case set:
			cfg.Schedule.SetDay(r.day, ranges...)
		}
	}
}

// validationErrors adds the range and cross-key rules to errs, exactly as
// LoadConfig applies them; a key that did not parse already has its
// message.
func validationErrors(cfg reminders.Config, errs map[string]error) {
	for _, e := range cfg.Validate() {
		if _, ok := errs[e.Key]; ok {
			continue
		}
		if e.Key == "natural_break" && cfg.NaturalBreak >= cfg.SittingLimit {
			if errs["sitting_limit"] == nil {
				errs[e.Key] = errors.New(i18n.F("settings.natural-too-long", i18n.Args{"Limit": reminders.FormatDuration(cfg.SittingLimit)}))
			}
			continue
		}
		errs[e.Key] = errors.New(e.Msg)
	}
}

// entryError is the message for entry text that is not a value of kind.
func entryError(kind reminders.KeyKind, text string) error {
	switch {
	case kind == reminders.KindCount:
		return errors.New(i18n.T("settings.enter-count"))
	case strings.TrimSpace(text) == "":
		return errors.New(i18n.T("settings.enter-duration"))
	}
	return errors.New(i18n.F("settings.bad-duration", i18n.Args{"Value": strconv.Quote(text)}))
}

// revalidate refreshes every error message and the Save button.
func (v *View) revalidate() {
	if v.save == nil { // still building
		return
	}
	_, errs := v.collect()
	for key, f := range v.fields {
		setError(f.msg, errs[key])
	}
	for _, r := range v.days {
		setError(r.msg, errs["schedule."+strings.ToLower(r.day.String())])
		if v.alwaysOn.Checked {
			r.mode.Disable()
			r.ranges.Disable()
			continue
		}
		r.mode.Enable()
		if r.mode.Selected == dayHours() {
			r.ranges.SetPlaceHolder(rangesPlaceholder)
			r.ranges.Enable()
		} else {
			r.ranges.SetPlaceHolder("")
			r.ranges.Disable()
		}
	}
	if len(errs) > 0 {
		v.save.Disable()
	} else {
		v.save.Enable()
	}
	if v.status.Text == savedMessage() {
		v.status.Hide() // the form changed since
	}
}

func (v *View) doSave() {
	cfg, errs := v.collect()
	if len(errs) > 0 || v.o.Save == nil {
		return
	}
	if err := v.o.Save(cfg); err != nil {
		v.showStatus(i18n.F("settings.save-failed", i18n.Args{"Error": err.Error()}), widget.DangerImportance)
		return
	}
	if v.autostart != nil && v.autostart.Checked != v.autostartWas {
		if err := v.o.Autostart.Set(v.autostart.Checked); err != nil {
			v.showStatus(i18n.F("settings.autostart-failed", i18n.Args{"Error": err.Error()}), widget.DangerImportance)
			return
		}
		v.autostartWas = v.autostart.Checked
	}
	v.where.SetText(i18n.F("settings.saved-to", i18n.Args{"Path": tilde.Path(v.o.Path)}))
	v.showStatus(savedMessage(), widget.SuccessImportance)
}

func (v *View) showStatus(text string, imp widget.Importance) {
	v.status.Importance = imp
	v.status.SetText(text)
	v.status.Show()
}

// DefaultSize is the window's size when it opens. Its height, like the
// content's minimum, fits a 1366×768 screen with a panel and a title bar
// (at most 700 px; a test checks both).
func DefaultSize() fyne.Size { return fyne.NewSize(680, 640) }

// TypedKey handles the window's keys: Esc cancels, asking first when
// something was changed.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	if ev == nil || ev.Name != fyne.KeyEscape || v.o.Cancel == nil {
		return
	}
	if !v.changed() || v.o.ConfirmDiscard == nil {
		v.o.Cancel()
		return
	}
	v.o.ConfirmDiscard(v.o.Cancel)
}

// changed reports whether the form differs from the config it was opened
// with: a value edited (or not yet valid), or Start at login toggled.
func (v *View) changed() bool {
	cfg, errs := v.collect()
	if len(errs) > 0 || !reflect.DeepEqual(cfg, v.o.Config) {
		return true
	}
	return v.autostart != nil && v.autostart.Checked != v.autostartWas
}
