package main

import (
	"fmt"
	"strings"
)

// Tray and app icon colours. Icons are not recoloured by the app, so they use
// a badge with its own contrast: it reads on light and dark panels alike.
const (
	teal   = "#17907F"
	orange = "#E8590C"
	slate  = "#6B7480"
	white  = "#FFFFFF"
	warm   = "#FFC94D"
)

// trayFigure is a tiny stretching figure (arms up in a V) in a 64×64 box,
// simplified from the illustration style so it survives 22 px.
func trayFigure(colour string) string {
	return fmt.Sprintf(`<g fill="none" stroke="%[1]s" stroke-linecap="round" stroke-linejoin="round">
<polyline points="18,14 32,27 46,14" stroke-width="6"/>
<line x1="32" y1="25" x2="32" y2="40" stroke-width="9"/>
<polyline points="22,55 32,40 42,55" stroke-width="6.5"/>
</g>
<circle cx="32" cy="14" r="6.5" fill="%[1]s"/>
`, colour)
}

// pauseMark is a white disc with two pause bars in the top right corner,
// ringed in the badge colour so it stands apart from the raised arm.
func pauseMark(badgeColour string) string {
	return fmt.Sprintf(`<circle cx="50" cy="14" r="15" fill="%[1]s"/>
<circle cx="50" cy="14" r="12.5" fill="%[2]s"/>
<rect x="43.5" y="7.5" width="4.5" height="13" rx="1" fill="%[1]s"/>
<rect x="52" y="7.5" width="4.5" height="13" rx="1" fill="%[1]s"/>
`, badgeColour, white)
}

func badge(fill, extra string) string {
	return fmt.Sprintf(`<rect x="2" y="2" width="60" height="60" rx="15" fill="%s"%s/>`+"\n", fill, extra)
}

func wrap64(body string) []byte {
	return []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` + "\n" + body + "</svg>\n")
}

// traySVGs returns the tray icon sources by state.
func traySVGs() map[string][]byte {
	return map[string][]byte{
		// Calm: the figure on a teal badge.
		"normal": wrap64(badge(teal, "") + trayFigure(white)),
		// Break due: warm orange badge and a white attention dot.
		"due": wrap64(badge(orange, "") + trayFigure(white) +
			`<circle cx="54" cy="10" r="9" fill="` + white + `"/>` + "\n" +
			`<circle cx="54" cy="10" r="4.5" fill="` + orange + `"/>` + "\n"),
		// Paused: the figure on a slate badge, and a pause sign in a white
		// disc where the due icon has its dot.
		"paused": wrap64(badge(slate, "") + trayFigure(white) + pauseMark(slate)),
		// Away: the calm icon, dimmed.
		"away": wrap64(badge(slate, ` fill-opacity="0.6"`) + trayFigure("#E8EAED")),
	}
}

// appIconSVG is the 512×512 application icon: the illustration figure
// reaching up (as in the tray icon) on a rounded teal square, arms in a warm
// accent.
func appIconSVG() []byte {
	p := standFront()
	p.Arms = [2]Limb{{A1: 322, A2: 330}, {A1: 38, A2: 30}}
	p.Legs = [2]Limb{{A1: 196, A2: 190, EndA: 270}, {A1: 164, A2: 170, EndA: 90}}
	p.Accent = PArm0 | PArm1
	var w svgWriter
	w.figure(p)
	fig := strings.NewReplacer(ink, white, accent, warm).Replace(w.b.String())
	return []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">` + "\n" +
		`<rect x="16" y="16" width="480" height="480" rx="104" fill="` + teal + `"/>` + "\n" +
		`<g transform="translate(36 30) scale(2.2 2.2)">` + "\n" + fig + "</g>\n</svg>\n")
}
