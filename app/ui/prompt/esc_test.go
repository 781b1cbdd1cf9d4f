package prompt

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestEscapeCloses(t *testing.T) {
	test.NewTempApp(t)
	s, r := suggestion(t)
	closed, snoozed := 0, 0
	v := New(Options{Sitting: time.Hour, Stretch: s, Routine: r, Snooze: func() { snoozed++ }, Close: func() { closed++ }})
	w := test.NewWindow(v.Content())
	defer w.Close()
	w.Canvas().SetOnTypedKey(v.TypedKey)
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if closed != 1 || snoozed != 0 {
		t.Errorf("Esc: closed %d, snoozed %d; want the window closed and nothing else", closed, snoozed)
	}
}
