package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestClipped(t *testing.T) {
	test.NewTempApp(t)
	ellipsis := widget.NewLabel("Cualquier zona del cuerpo entero")
	ellipsis.Truncation = fyne.TextTruncateEllipsis
	wrapped := widget.NewLabel("Has estirado durante 2 min 03 s.")
	wrapped.Wrapping = fyne.TextWrapWord
	tests := []struct {
		name    string
		o       fyne.CanvasObject
		size    fyne.Size
		problem string // "" when the text fits
	}{
		{"fits", widget.NewLabel("Rest"), fyne.NewSize(200, 40), ""},
		{"ellipsis", ellipsis, fyne.NewSize(120, 40), "is shown as"},
		{"squeezed", container.NewGridWrap(fyne.NewSize(40, 30), widget.NewButton("Fortsetzen", nil)), fyne.NewSize(300, 40), "px wide"},
		{"number split", wrapped, fyne.NewSize(190, 120), "bad place"},
		{"short label", widget.NewLabel("x"), fyne.NewSize(100, 40), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := test.NewWindow(tt.o)
			defer w.Close()
			w.Resize(tt.size)
			Relayout(w.Content())
			got := Clipped(w.Content(), w.Canvas().Size().Width)
			if tt.problem == "" {
				if len(got) != 0 {
					t.Errorf("Clipped = %v, want nothing", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0].Problem, tt.problem) {
				t.Errorf("Clipped = %v, want one finding that %s", got, tt.problem)
			}
		})
	}
}

func TestBrokenShortLine(t *testing.T) {
	for _, tt := range []struct {
		full string
		rows []string
		bad  bool
	}{
		{"Has estirado durante", []string{"Has estirado", "durante"}, true},                                      // 20 columns: squeezed
		{"Roll your shoulders up, back and down.", []string{"Roll your shoulders up,", "back and down."}, false}, // a sentence may wrap
		{"2 min 03 s in total, well done", []string{"2 min", "03 s in total, well done"}, true},                  // inside a quantity
		{"休憩の時間です", []string{"休憩の", "時間です"}, true},                                                               // 14 columns: squeezed
		{"片腕を胸の前で横に引き寄せ、キープします。", []string{"片腕を胸の前で横に引き寄せ", "、キープします。"}, true},                                   // row starts with "、"
		{"片腕を胸の前で横に引き寄せ、キープします。", []string{"片腕を胸の前で横に引き寄せ、", "キープします。"}, false},                                  // 42 columns, fine break
	} {
		if _, bad := brokenShortLine(tt.full, tt.rows); bad != tt.bad {
			t.Errorf("brokenShortLine(%q, %q) = %v, want %v", tt.full, tt.rows, bad, tt.bad)
		}
	}
}
