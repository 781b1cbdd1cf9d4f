// Command fakeitem is a tiny fyne.io/systray program with a known menu,
// shaped like Limber's. The harness self-tests drive it to prove the harness
// works before (and independently of) the real daemon.
//
// Behaviour: the tooltip and a disabled first item carry "Sitting 0 min";
// "Start stretch routine" maps a plain X window titled
// "Quick standing reset — Limber"; "Pause" › "30 minutes" swaps Pause for
// "Resume" and back; "Quit" exits 0. Every click is echoed to stdout as
// "clicked LABEL".
package main

import (
	"fmt"
	"os"

	"fyne.io/systray"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// WindowTitle is the title of the window "Start stretch routine" opens.
const WindowTitle = "Quick standing reset — Limber"

func main() {
	systray.Run(onReady, func() {})
}

func onReady() {
	systray.SetTitle("Sitting 0 min")
	systray.SetTooltip("Sitting 0 min")
	status := systray.AddMenuItem("Sitting 0 min", "")
	status.Disable()
	start := systray.AddMenuItem("Start stretch routine", "")
	routines := systray.AddMenuItem("Routines", "")
	quick := routines.AddSubMenuItem("Quick standing reset", "")
	systray.AddSeparator()
	pause := systray.AddMenuItem("Pause", "")
	pause30 := pause.AddSubMenuItem("30 minutes", "")
	resume := systray.AddMenuItem("Resume", "")
	resume.Hide()
	quit := systray.AddMenuItem("Quit", "")
	fmt.Fprintln(os.Stderr, "fakeitem: ready")

	go func() {
		for {
			select {
			case <-start.ClickedCh:
				fmt.Println("clicked Start stretch routine")
				if err := openWindow(WindowTitle); err != nil {
					fmt.Fprintln(os.Stderr, "fakeitem:", err)
				}
			case <-quick.ClickedCh:
				fmt.Println("clicked Quick standing reset")
			case <-pause30.ClickedCh:
				fmt.Println("clicked 30 minutes")
				pause.Hide()
				resume.Show()
			case <-resume.ClickedCh:
				fmt.Println("clicked Resume")
				resume.Hide()
				pause.Show()
			case <-quit.ClickedCh:
				fmt.Println("clicked Quit")
				systray.Quit()
				return
			}
		}
	}()
}

// openWindow maps a 400×300 window with the given title on $DISPLAY. The
// connection stays open so the window lives as long as the process.
func openWindow(title string) error {
	conn, err := xgb.NewConn()
	if err != nil {
		return fmt.Errorf("connect to X: %w", err)
	}
	screen := xproto.Setup(conn).DefaultScreen(conn)
	win, err := xproto.NewWindowId(conn)
	if err != nil {
		return fmt.Errorf("allocate window id: %w", err)
	}
	if err := xproto.CreateWindowChecked(conn, screen.RootDepth, win, screen.Root, 100, 100, 400, 300, 0,
		xproto.WindowClassInputOutput, screen.RootVisual, 0, nil).Check(); err != nil {
		return fmt.Errorf("create window: %w", err)
	}
	utf8, err := xproto.InternAtom(conn, false, uint16(len("UTF8_STRING")), "UTF8_STRING").Reply()
	if err != nil {
		return fmt.Errorf("intern UTF8_STRING: %w", err)
	}
	netName, err := xproto.InternAtom(conn, false, uint16(len("_NET_WM_NAME")), "_NET_WM_NAME").Reply()
	if err != nil {
		return fmt.Errorf("intern _NET_WM_NAME: %w", err)
	}
	if err := xproto.ChangePropertyChecked(conn, xproto.PropModeReplace, win, netName.Atom, utf8.Atom,
		8, uint32(len(title)), []byte(title)).Check(); err != nil {
		return fmt.Errorf("set _NET_WM_NAME: %w", err)
	}
	if err := xproto.MapWindowChecked(conn, win).Check(); err != nil {
		return fmt.Errorf("map window: %w", err)
	}
	return nil
}
