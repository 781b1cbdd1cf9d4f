package harness

import (
	"fmt"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

const (
	itemIface = "org.kde.StatusNotifierItem"
	menuIface = "com.canonical.dbusmenu"
)

// pollInterval is how often Wait helpers re-read state. Polling is simpler
// and sturdier than tracking LayoutUpdated and ItemsPropertiesUpdated, and
// fast enough for assertions with second-scale timeouts.
const pollInterval = 100 * time.Millisecond

// Tray reads and drives one registered tray item over D-Bus, the way a
// panel would.
type Tray struct {
	conn *dbus.Conn
	item Item
}

// Pixmap is one entry of IconPixmap: ARGB32 pixels in network byte order.
type Pixmap struct {
	Width, Height int32
	Data          []byte
}

// ToolTip is the StatusNotifierItem tooltip: (icon name, pixmaps, title,
// description).
type ToolTip struct {
	IconName    string
	Icons       []Pixmap
	Title       string
	Description string
}

// Tray returns a client for a registered item.
func (d *Desktop) Tray(item Item) *Tray {
	return &Tray{conn: d.Bus(), item: item}
}

func (tr *Tray) object() dbus.BusObject {
	return tr.conn.Object(tr.item.Service, tr.item.Path)
}

// property reads one org.kde.StatusNotifierItem property into dst.
func (tr *Tray) property(name string, dst any) error {
	v, err := tr.object().GetProperty(itemIface + "." + name)
	if err != nil {
		return fmt.Errorf("read %s.%s of %s: %w", itemIface, name, tr.item, err)
	}
	if err := v.Store(dst); err != nil {
		return fmt.Errorf("decode %s of %s (%s): %w", name, tr.item, v.Signature(), err)
	}
	return nil
}

// Title is the item's Title property.
func (tr *Tray) Title() (string, error) {
	var s string
	return s, tr.property("Title", &s)
}

// ID is the item's Id property: hosts remember items by it across
// sessions, so it must not change.
func (tr *Tray) ID() (string, error) {
	var s string
	return s, tr.property("Id", &s)
}

// Category is ApplicationStatus, Communications, SystemServices or
// Hardware.
func (tr *Tray) Category() (string, error) {
	var s string
	return s, tr.property("Category", &s)
}

// Status is Passive, Active or NeedsAttention.
func (tr *Tray) Status() (string, error) {
	var s string
	return s, tr.property("Status", &s)
}

// ToolTip is the item's ToolTip property.
func (tr *Tray) ToolTip() (ToolTip, error) {
	var tt ToolTip
	return tt, tr.property("ToolTip", &tt)
}

// IconPixmap is the item's icon in every size it offers.
func (tr *Tray) IconPixmap() ([]Pixmap, error) {
	var px []Pixmap
	return px, tr.property("IconPixmap", &px)
}

// menuObject resolves the item's Menu property to the dbusmenu object.
func (tr *Tray) menuObject() (dbus.BusObject, error) {
	var path dbus.ObjectPath
	if err := tr.property("Menu", &path); err != nil {
		return nil, err
	}
	return tr.conn.Object(tr.item.Service, path), nil
}

// Menu reads the whole menu tree as a tray host does when it shows the
// menu: com.canonical.dbusmenu.AboutToShow on the root (Limber refreshes
// its status line there), then GetLayout.
//
// fyne.io/systray answers the first GetLayout after every menu reset with
// depth 1 only (a workaround for libdbusmenu-gtk3), so submenus announced by
// children-display=submenu but delivered empty are fetched on their own.
func (tr *Tray) Menu() (*MenuItem, error) {
	obj, err := tr.menuObject()
	if err != nil {
		return nil, err
	}
	if call := obj.Call(menuIface+".AboutToShow", 0, int32(0)); call.Err != nil {
		return nil, fmt.Errorf("AboutToShow(0) on %s: %w", obj.Path(), call.Err)
	}
	root, err := getLayout(obj, 0)
	if err != nil {
		return nil, err
	}
	if err := fillSubmenus(obj, root); err != nil {
		return nil, err
	}
	return root, nil
}

func getLayout(obj dbus.BusObject, parent int32) (*MenuItem, error) {
	var revision uint32
	call := obj.Call(menuIface+".GetLayout", 0, parent, int32(-1), []string{})
	if call.Err != nil {
		return nil, fmt.Errorf("GetLayout(%d) on %s: %w", parent, obj.Path(), call.Err)
	}
	if len(call.Body) != 2 {
		return nil, fmt.Errorf("GetLayout(%d): want 2 values, got %d", parent, len(call.Body))
	}
	if err := dbus.Store(call.Body[:1], &revision); err != nil {
		return nil, fmt.Errorf("GetLayout(%d) revision: %w", parent, err)
	}
	layout, ok := call.Body[1].([]any)
	if !ok {
		return nil, fmt.Errorf("GetLayout(%d): layout is %T, want (ia{sv}av)", parent, call.Body[1])
	}
	return ParseLayout(layout)
}

func fillSubmenus(obj dbus.BusObject, m *MenuItem) error {
	for _, c := range m.Children {
		if c.ChildrenDisplay == "submenu" && len(c.Children) == 0 {
			sub, err := getLayout(obj, c.ID)
			if err != nil {
				return err
			}
			c.Children = sub.Children
		}
		if err := fillSubmenus(obj, c); err != nil {
			return err
		}
	}
	return nil
}

// Click sends the "clicked" event for a menu item, as a panel does when
// the user picks it.
func (tr *Tray) Click(id int32) error {
	obj, err := tr.menuObject()
	if err != nil {
		return err
	}
	ts := uint32(time.Now().Unix())
	if err := obj.Call(menuIface+".Event", 0, id, "clicked", dbus.MakeVariant(""), ts).Err; err != nil {
		return fmt.Errorf("click menu item %d: %w", id, err)
	}
	return nil
}

// ClickLabel clicks the first enabled, visible item with exactly this label.
func (tr *Tray) ClickLabel(label string) error {
	m, err := tr.Menu()
	if err != nil {
		return err
	}
	it := m.Find(label)
	if it == nil {
		return fmt.Errorf("no menu item %q; menu:\n%s", label, m)
	}
	if !it.Enabled || !it.Visible {
		return fmt.Errorf("menu item %q is disabled or hidden", label)
	}
	return tr.Click(it.ID)
}

// WaitMenu re-reads the menu until pred holds and returns that menu.
func (tr *Tray) WaitMenu(pred func(*MenuItem) bool, timeout time.Duration) (*MenuItem, error) {
	deadline := time.Now().Add(timeout)
	for {
		m, err := tr.Menu()
		if err == nil && pred(m) {
			return m, nil
		}
		if time.Now().After(deadline) {
			if err != nil {
				return nil, fmt.Errorf("menu condition not met after %s: %w", timeout, err)
			}
			return m, fmt.Errorf("menu condition not met after %s; menu:\n%s", timeout, m)
		}
		time.Sleep(pollInterval)
	}
}

// WaitLabel waits until a visible item's label satisfies pred and returns
// that item. Labels change as the daemon's state changes (status line,
// Pause/Resume).
func (tr *Tray) WaitLabel(pred func(label string) bool, timeout time.Duration) (*MenuItem, error) {
	var found *MenuItem
	_, err := tr.WaitMenu(func(m *MenuItem) bool {
		found = m.FindFunc(func(it *MenuItem) bool { return it.Visible && pred(it.Label) })
		return found != nil
	}, timeout)
	return found, err
}

// MenuItem is one com.canonical.dbusmenu node. Defaults follow the dbusmenu
// spec: enabled and visible unless said otherwise, type "standard".
type MenuItem struct {
	ID              int32
	Label           string
	Enabled         bool
	Visible         bool
	Type            string // "standard" or "separator"
	ToggleType      string // "", "checkmark" or "radio"
	ToggleState     int32  // 0 off, 1 on, -1 indeterminate
	ChildrenDisplay string // "submenu" when the item opens a submenu
	Children        []*MenuItem
}

// IsSeparator reports whether the item is a separator.
func (m *MenuItem) IsSeparator() bool { return m.Type == "separator" }

// FindFunc returns the first item, depth first, for which pred holds.
func (m *MenuItem) FindFunc(pred func(*MenuItem) bool) *MenuItem {
	for _, c := range m.Children {
		if pred(c) {
			return c
		}
		if found := c.FindFunc(pred); found != nil {
			return found
		}
	}
	return nil
}

// Find returns the first visible item, depth first, with exactly this label.
func (m *MenuItem) Find(label string) *MenuItem {
	return m.FindFunc(func(it *MenuItem) bool { return it.Visible && it.Label == label })
}

// Labels lists the labels of the visible, non-separator direct children.
func (m *MenuItem) Labels() []string {
	var labels []string
	for _, c := range m.Children {
		if c.Visible && !c.IsSeparator() {
			labels = append(labels, c.Label)
		}
	}
	return labels
}

// String renders the tree, one item a line, for failure messages.
func (m *MenuItem) String() string {
	var b strings.Builder
	var walk func(*MenuItem, int)
	walk = func(it *MenuItem, depth int) {
		for _, c := range it.Children {
			b.WriteString(strings.Repeat("  ", depth))
			switch {
			case c.IsSeparator():
				b.WriteString("----")
			default:
				fmt.Fprintf(&b, "[%d] %q", c.ID, c.Label)
				if !c.Enabled {
					b.WriteString(" (disabled)")
				}
				if !c.Visible {
					b.WriteString(" (hidden)")
				}
				if c.ToggleType != "" {
					fmt.Fprintf(&b, " (%s=%d)", c.ToggleType, c.ToggleState)
				}
			}
			b.WriteByte('\n')
			walk(c, depth+1)
		}
	}
	walk(m, 0)
	return b.String()
}

// ParseLayout converts one decoded dbusmenu layout, (ia{sv}av) as godbus
// hands it over ([]any{int32, map[string]dbus.Variant, []dbus.Variant}), into
// a MenuItem tree. Malformed input is an error, never a panic.
func ParseLayout(v []any) (*MenuItem, error) {
	if len(v) != 3 {
		return nil, fmt.Errorf("dbusmenu layout: want 3 fields, got %d", len(v))
	}
	id, ok := v[0].(int32)
	if !ok {
		return nil, fmt.Errorf("dbusmenu layout: id is %T, want int32", v[0])
	}
	props, ok := v[1].(map[string]dbus.Variant)
	if !ok {
		return nil, fmt.Errorf("dbusmenu item %d: properties are %T, want a{sv}", id, v[1])
	}
	children, ok := v[2].([]dbus.Variant)
	if !ok {
		return nil, fmt.Errorf("dbusmenu item %d: children are %T, want av", id, v[2])
	}
	m := &MenuItem{
		ID:              id,
		Label:           stringProp(props, "label", ""),
		Enabled:         boolProp(props, "enabled", true),
		Visible:         boolProp(props, "visible", true),
		Type:            stringProp(props, "type", "standard"),
		ToggleType:      stringProp(props, "toggle-type", ""),
		ToggleState:     intProp(props, "toggle-state", 0),
		ChildrenDisplay: stringProp(props, "children-display", ""),
	}
	for _, cv := range children {
		fields, ok := cv.Value().([]any)
		if !ok {
			return nil, fmt.Errorf("dbusmenu item %d: child is %s, want (ia{sv}av)", id, cv.Signature())
		}
		child, err := ParseLayout(fields)
		if err != nil {
			return nil, err
		}
		m.Children = append(m.Children, child)
	}
	return m, nil
}

func stringProp(props map[string]dbus.Variant, key, def string) string {
	if v, ok := props[key]; ok {
		if s, ok := v.Value().(string); ok {
			return s
		}
	}
	return def
}

func boolProp(props map[string]dbus.Variant, key string, def bool) bool {
	if v, ok := props[key]; ok {
		if b, ok := v.Value().(bool); ok {
			return b
		}
	}
	return def
}

// intProp accepts any integer width: servers disagree on toggle-state's type
// (the spec says int32; fyne.io/systray sends a Go int).
func intProp(props map[string]dbus.Variant, key string, def int32) int32 {
	v, ok := props[key]
	if !ok {
		return def
	}
	switch n := v.Value().(type) {
	case int32:
		return n
	case int64:
		return int32(n)
	case int16:
		return int32(n)
	case uint32:
		return int32(n)
	case byte:
		return int32(n)
	}
	return def
}

// Peek reads the menu as a host that has not opened it sees it:
// GetLayout alone, without AboutToShow, so Limber has had no reason to
// bring its status line up to date.
func (tr *Tray) Peek() (*MenuItem, error) {
	obj, err := tr.menuObject()
	if err != nil {
		return nil, err
	}
	return getLayout(obj, 0)
}
