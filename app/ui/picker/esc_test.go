package picker

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestEscapeCloses(t *testing.T) {
	test.NewTempApp(t)
	closed := 0
	v := New(Options{Catalog: testCatalog(), Start: func(string) {}, Close: func() { closed++ }})
	w := test.NewWindow(v.Content())
	defer w.Close()
	w.Canvas().SetOnTypedKey(v.TypedKey)
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if closed != 1 {
		t.Errorf("Esc closed the picker %d times, want 1", closed)
	}
}
