package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/routines"
)

func (s *session) placeholder(title string) error {
	s.win.SetTitle(title + " — Limber")
	s.win.SetContent(container.NewCenter(widget.NewLabel(title)))
	s.win.Resize(fyne.NewSize(640, 520))
	return nil
}

func (s *session) showPicker(catalog routines.Catalog) { _ = s.placeholder("Routines") }

func (s *session) showSettings(catalog routines.Catalog) error { return s.placeholder("Settings") }

func (s *session) showStats(catalog routines.Catalog) error { return s.placeholder("Statistics") }

func (s *session) showPrompt(catalog routines.Catalog, id string) error {
	return s.placeholder("Time to stand up")
}
