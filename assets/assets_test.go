package assets

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"
)

// stretchList is the fixed stretch ID list shared with the routines package
// (copied here so this package does not depend on it). moving stretches need
// at least two frames.
var stretchList = []struct {
	id     string
	moving bool
}{
	{"neck-side-tilt", false}, {"chin-tuck", true}, {"neck-turn", false},
	{"shoulder-rolls", true}, {"cross-body-shoulder", false}, {"cactus-arms", true},
	{"overhead-reach", true}, {"arm-opening", true},
	{"thread-the-needle", true}, {"desk-hug", false}, {"shoulder-blade-squeeze", true},
	{"cat-camel", true}, {"seated-twist", false}, {"sitting-side-bend", false}, {"desk-lat-stretch", false},
	{"breast-stroke-prep", true}, {"standing-back-extension", true}, {"press-up", true},
	{"pelvic-tilt", true}, {"knee-to-chest-twist", true}, {"figure-4", false},
	{"seated-figure-4", false}, {"childs-pose", false}, {"hip-circles", true},
	{"standing-side-bend", false}, {"standing-hip-flexor", false}, {"glute-bridge", true},
	{"bed-to-floor", false}, {"bed-knee-hug", false}, {"bed-full-body-reach", true},
	{"reclined-butterfly", false}, {"bed-cactus-arms", false}, {"bed-figure-4", false},
	{"bed-belly-breathing", true},
	{"calf-raise", true}, {"standing-quad", false}, {"standing-hamstring", false},
	{"march-in-place", true},
	{"wrist-flexor", false}, {"wrist-extensor", false}, {"hand-open-close", true},
	{"belly-breathing", true}, {"standing-breath", true},
}

func TestStretchListSize(t *testing.T) {
	if len(stretchList) != 43 {
		t.Fatalf("stretch list has %d entries, want 43", len(stretchList))
	}
}

func TestEveryStretchHasIllustration(t *testing.T) {
	for _, s := range stretchList {
		t.Run(s.id, func(t *testing.T) {
			frames, ok := Illustration(s.id)
			if !ok {
				t.Fatal("no illustration")
			}
			want := 1
			if s.moving {
				want = 2
			}
			if len(frames) < want {
				t.Fatalf("%d frames, want at least %d", len(frames), want)
			}
		})
	}
}

func TestIllustrationIDsMatchList(t *testing.T) {
	var want []string
	for _, s := range stretchList {
		want = append(want, s.id)
	}
	slices.Sort(want)
	got := IllustrationIDs()
	if !slices.Equal(got, want) {
		t.Fatalf("IllustrationIDs() =\n%v\nwant\n%v", got, want)
	}
	if !slices.IsSorted(got) {
		t.Fatal("IDs not sorted")
	}
}

func TestIllustrationUnknownOrBadID(t *testing.T) {
	for _, id := range []string{"", "nope", "neck", "NECK-TURN", "../icon", "stretches/neck-turn", "*", "neck-turn-1", "chin-tuck/..", strings.Repeat("a", 100)} {
		if frames, ok := Illustration(id); ok || frames != nil {
			t.Errorf("Illustration(%q) = %d frames, %v; want none", id, len(frames), ok)
		}
	}
}

func TestIllustrationReturnsCopies(t *testing.T) {
	a, _ := Illustration("chin-tuck")
	a[0][0] = 'X'
	b, _ := Illustration("chin-tuck")
	if b[0][0] == 'X' {
		t.Fatal("Illustration shares its bytes between calls")
	}
}

var (
	allowedElements = map[string]bool{"svg": true, "g": true, "path": true, "circle": true, "ellipse": true,
		"line": true, "polyline": true, "polygon": true, "rect": true}
	allowedAttrs = map[string]bool{"xmlns": true, "width": true, "height": true, "viewBox": true,
		"fill": true, "stroke": true, "stroke-width": true, "stroke-linecap": true, "stroke-linejoin": true,
		"transform": true, "d": true, "points": true, "x": true, "y": true, "rx": true, "ry": true,
		"cx": true, "cy": true, "r": true, "x1": true, "y1": true, "x2": true, "y2": true}
	allowedColours = map[string]bool{FigureColour: true, AccentColour: true, PropsColour: true, "none": true}
)

// checkContract verifies the element, attribute and colour rules that keep
// an illustration recolourable and renderable by Fyne's SVG renderer.
func checkContract(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	depth, sawFigure := 0, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			if !allowedElements[el.Name.Local] {
				t.Errorf("element <%s> not allowed", el.Name.Local)
			}
			if (depth == 1) != (el.Name.Local == "svg") {
				t.Errorf("<svg> must be the root and only the root, got <%s> at depth %d", el.Name.Local, depth)
			}
			attrs := map[string]string{}
			for _, a := range el.Attr {
				attrs[a.Name.Local] = a.Value
				if !allowedAttrs[a.Name.Local] {
					t.Errorf("<%s %s> attribute not allowed", el.Name.Local, a.Name.Local)
				}
				if a.Name.Local == "fill" || a.Name.Local == "stroke" {
					if !allowedColours[a.Value] {
						t.Errorf("<%s %s=%q> colour not in the contract", el.Name.Local, a.Name.Local, a.Value)
					}
					sawFigure = sawFigure || a.Value == FigureColour
				}
			}
			if el.Name.Local == "svg" {
				checkRoot(t, attrs)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if strings.TrimSpace(string(el)) != "" {
				t.Errorf("text content %q not allowed", el)
			}
		case xml.ProcInst, xml.Directive:
			t.Errorf("unexpected %T", el)
		}
	}
	if !sawFigure {
		t.Error("no element uses the figure colour")
	}
}

func checkRoot(t *testing.T, attrs map[string]string) {
	t.Helper()
	f := strings.Fields(attrs["viewBox"])
	if len(f) != 4 || f[2] != f[3] {
		t.Errorf("viewBox %q is not square", attrs["viewBox"])
	}
	if attrs["width"] == "" || attrs["width"] != attrs["height"] {
		t.Errorf("width %q / height %q must be set and equal", attrs["width"], attrs["height"])
	}
}

func TestIllustrationsFollowContract(t *testing.T) {
	for _, id := range IllustrationIDs() {
		frames, _ := Illustration(id)
		for i, svg := range frames {
			t.Run(id+"/"+strconv.Itoa(i+1), func(t *testing.T) { checkContract(t, svg) })
		}
	}
}

// render draws svg the way Fyne does (fyne-io/oksvg with rasterx), failing
// on any element the parser does not understand.
func render(t *testing.T, svg []byte, size int) *image.NRGBA {
	t.Helper()
	icon, err := oksvg.ReadIconStream(bytes.NewReader(svg), oksvg.StrictErrorMode)
	if err != nil {
		t.Fatalf("oksvg parse: %v", err)
	}
	icon.SetTarget(0, 0, float64(size), float64(size))
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scanner := rasterx.NewScannerGV(size, size, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(size, size, scanner), 1)
	return img
}

// coverage returns the share of pixels drawn at all, and of pixels drawn in
// a colour close to c.
func coverage(img *image.NRGBA, c color.NRGBA) (drawn, inColour float64) {
	var n, m int
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := img.NRGBAAt(x, y)
			if p.A < 128 {
				continue
			}
			n++
			if near(p.R, c.R) && near(p.G, c.G) && near(p.B, c.B) {
				m++
			}
		}
	}
	total := float64(b.Dx() * b.Dy())
	return float64(n) / total, float64(m) / total
}

func near(a, b uint8) bool { return int(a)-int(b) < 40 && int(b)-int(a) < 40 }

func TestIllustrationsRender(t *testing.T) {
	for _, id := range IllustrationIDs() {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			frames, _ := Illustration(id)
			for _, size := range []int{96, 400} {
				var imgs []*image.NRGBA
				for i, svg := range frames {
					img := render(t, svg, size)
					drawn, black := coverage(img, color.NRGBA{0, 0, 0, 255})
					if drawn < 0.04 || drawn > 0.6 {
						t.Errorf("frame %d at %dpx: %.1f%% of pixels drawn, want 4–60%%", i+1, size, drawn*100)
					}
					if black < 0.01 {
						t.Errorf("frame %d at %dpx: figure covers only %.1f%%", i+1, size, black*100)
					}
					imgs = append(imgs, img)
				}
				for i := 1; i < len(imgs); i++ {
					if d := diff(imgs[i-1], imgs[i]); d < 0.01 {
						t.Errorf("frames %d and %d at %dpx differ in only %.2f%% of pixels", i, i+1, size, d*100)
					}
				}
			}
		})
	}
}

// diff is the share of pixels whose alpha differs noticeably.
func diff(a, b *image.NRGBA) float64 {
	var n int
	for i := 3; i < len(a.Pix); i += 4 {
		if d := int(a.Pix[i]) - int(b.Pix[i]); d > 64 || d < -64 {
			n++
		}
	}
	return float64(n) / float64(len(a.Pix)/4)
}

func TestTrayIcon(t *testing.T) {
	tests := []struct {
		state  string
		size   int
		want   int
		sameAs string
	}{
		{"normal", 22, 22, ""},
		{"normal", 32, 32, ""},
		{"normal", 64, 64, ""},
		{"due", 22, 22, ""},
		{"due", 64, 64, ""},
		{"paused", 32, 32, ""},
		{"away", 32, 32, ""},
		{"normal", 0, 22, ""},
		{"normal", -10, 22, ""},
		{"normal", 24, 22, ""},
		{"normal", 27, 32, ""}, // tie between 22 and 32 goes to the larger
		{"normal", 48, 64, ""}, // tie between 32 and 64 goes to the larger
		{"normal", 1 << 20, 64, ""},
		{"", 32, 32, "normal"},
		{"bogus", 32, 32, "normal"},
		{"DUE", 32, 32, "normal"},
	}
	for _, tt := range tests {
		t.Run(tt.state+"/"+strconv.Itoa(tt.size), func(t *testing.T) {
			b := TrayIcon(tt.state, tt.size)
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got := img.Bounds(); got.Dx() != tt.want || got.Dy() != tt.want {
				t.Fatalf("size %v, want %dx%d", got, tt.want, tt.want)
			}
			if tt.sameAs != "" && !bytes.Equal(b, TrayIcon(tt.sameAs, tt.size)) {
				t.Fatalf("icon differs from %q", tt.sameAs)
			}
		})
	}
}

func TestTrayStatesDiffer(t *testing.T) {
	states := []string{StateNormal, StateDue, StatePaused, StateAway}
	for _, size := range traySizes() {
		for i, a := range states {
			for _, b := range states[i+1:] {
				if bytes.Equal(TrayIcon(a, size), TrayIcon(b, size)) {
					t.Errorf("%s and %s icons are identical at %d px", a, b, size)
				}
			}
		}
	}
}

func TestAppIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(AppIconPNG()))
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Fatalf("PNG is %v, want 512x512", b)
	}
	drawn, _ := coverage(render(t, AppIconSVG(), 128), color.NRGBA{})
	if drawn < 0.5 {
		t.Fatalf("SVG icon covers %.0f%%, want a filled rounded square", drawn*100)
	}
}

func TestRecolour(t *testing.T) {
	src := []byte(`<svg><line stroke="#000000"/><circle fill="#FF0000"/><rect fill="#808080"/><path fill="#ff0000"/></svg>`)
	tests := []struct {
		name                  string
		figure, accent, props color.Color
		want                  string
	}{
		{"dark theme", color.NRGBA{0xEE, 0xEE, 0xEE, 0xFF}, color.NRGBA{0xFF, 0x7A, 0x6B, 0xFF}, color.Gray{0x60},
			`<svg><line stroke="#EEEEEE"/><circle fill="#FF7A6B"/><rect fill="#606060"/><path fill="#FF7A6B"/></svg>`},
		{"swap is single pass", color.NRGBA{0xFF, 0, 0, 0xFF}, color.Black, color.White,
			`<svg><line stroke="#FF0000"/><circle fill="#000000"/><rect fill="#FFFFFF"/><path fill="#000000"/></svg>`},
		{"premultiplied alpha", color.RGBA{0x40, 0x20, 0x00, 0x80}, color.Black, color.Black,
			`<svg><line stroke="#7F3F00"/><circle fill="#000000"/><rect fill="#000000"/><path fill="#000000"/></svg>`},
		{"nil keeps", nil, nil, nil, string(src)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Recolour(src, tt.figure, tt.accent, tt.props)); got != tt.want {
				t.Fatalf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestRecolourIllustration(t *testing.T) {
	frames, _ := Illustration("cat-camel")
	out := Recolour(frames[0], color.White, color.NRGBA{0x11, 0x22, 0x33, 0xFF}, color.NRGBA{0x44, 0x55, 0x66, 0xFF})
	for _, old := range []string{FigureColour, AccentColour, PropsColour} {
		if bytes.Contains(out, []byte(old)) {
			t.Errorf("%s still present after Recolour", old)
		}
	}
	for _, c := range []string{"#FFFFFF", "#112233", "#445566"} {
		if !bytes.Contains(out, []byte(c)) {
			t.Errorf("%s missing after Recolour", c)
		}
	}
	if bytes.Equal(out, frames[0]) {
		t.Fatal("Recolour changed nothing")
	}
}

// TestTweens: every moving stretch but the flips has in-between frames
// from each key frame to the next, as many for each; they follow the
// colour contract, render, and are framed like the key frames.
func TestTweens(t *testing.T) {
	flips := map[string]bool{"hand-open-close": true}
	for _, id := range IllustrationIDs() {
		keys, _ := Illustration(id)
		t.Run(id, func(t *testing.T) {
			count := -1
			for k := 0; k < len(keys); k++ {
				tw, ok := Tweens(id, k)
				if k == len(keys)-1 || len(keys) == 1 || flips[id] {
					if ok || tw != nil {
						t.Fatalf("Tweens(%d) = %d frames after the last key frame or for a hold or flip", k, len(tw))
					}
					continue
				}
				if !ok {
					t.Fatalf("no tweens from key frame %d", k+1)
				}
				if count >= 0 && len(tw) != count {
					t.Errorf("%d tweens from key frame %d, %d before", len(tw), k+1, count)
				}
				count = len(tw)
				vb := viewBoxOf(keys[0])
				for j, svg := range tw {
					checkContract(t, svg)
					if got := viewBoxOf(svg); got != vb {
						t.Errorf("tween %d-%d viewBox %q, key frames %q", k+1, j+1, got, vb)
					}
					if _, black := coverage(render(t, svg, 96), color.NRGBA{0, 0, 0, 255}); black < 0.01 {
						t.Errorf("tween %d-%d: figure covers only %.1f%%", k+1, j+1, black*100)
					}
				}
			}
		})
	}
	for _, id := range []string{"", "../x", "no-such-stretch"} {
		if tw, ok := Tweens(id, 0); ok || tw != nil {
			t.Errorf("Tweens(%q, 0) = %d frames, %v; want none", id, len(tw), ok)
		}
	}
	if tw, ok := Tweens("cat-camel", -1); ok || tw != nil {
		t.Errorf("Tweens(cat-camel, -1) = %d frames; want none", len(tw))
	}
}

func viewBoxOf(svg []byte) string {
	s := string(svg)
	i := strings.Index(s, `viewBox="`)
	if i < 0 {
		return ""
	}
	s = s[i+len(`viewBox="`):]
	return s[:strings.IndexByte(s, '"')]
}
