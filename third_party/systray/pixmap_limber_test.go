//go:build (linux || freebsd || openbsd || netbsd) && !android

package systray

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestArgbForImage checks the IconPixmap conversion against the
// StatusNotifierItem spec: ARGB32, not premultiplied, in network byte order,
// so each pixel is the four bytes A, R, G, B. Go's color.Color.RGBA is
// premultiplied and 16-bit; upstream v1.12.2 sent its low bytes, which
// broke every partly transparent pixel.
func TestArgbForImage(t *testing.T) {
	tests := []struct {
		name string
		in   color.Color
		want [4]byte // A, R, G, B
	}{
		{"opaque", color.NRGBA{0x17, 0x90, 0x7F, 0xFF}, [4]byte{0xFF, 0x17, 0x90, 0x7F}},
		{"transparent", color.NRGBA{0, 0, 0, 0}, [4]byte{0, 0, 0, 0}},
		// The away icon's badge: slate at 60 % opacity.
		{"60% slate", color.NRGBA{0x6B, 0x74, 0x80, 0x99}, [4]byte{0x99, 0x6B, 0x74, 0x80}},
		{"anti-aliased white edge", color.NRGBA{0xFF, 0xFF, 0xFF, 0x40}, [4]byte{0x40, 0xFF, 0xFF, 0xFF}},
		{"faint orange edge", color.NRGBA{0xE8, 0x59, 0x0C, 0x03}, [4]byte{0x03, 0xE8, 0x59, 0x0C}},
		// A premultiplied source is un-premultiplied: 0x33 of 0x66 is half.
		{"premultiplied source", color.RGBA{0x33, 0x00, 0x66, 0x66}, [4]byte{0x66, 0x7F, 0x00, 0xFF}},
		{"grey", color.Gray{0x80}, [4]byte{0xFF, 0x80, 0x80, 0x80}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := image.NewNRGBA(image.Rect(0, 0, 2, 1))
			if nrgba, ok := tt.in.(color.NRGBA); ok {
				img.SetNRGBA(1, 0, nrgba)
			} else {
				img.Set(1, 0, tt.in)
			}
			got := argbForImage(img)
			if len(got) != 8 {
				t.Fatalf("got %d bytes for 2 pixels, want 8", len(got))
			}
			if p := got[4:8]; !bytes.Equal(p, tt.want[:]) {
				t.Errorf("pixel = % X, want % X (A R G B)", p, tt.want)
			}
		})
	}
}

// TestArgbForImageRGBA feeds a premultiplied *image.RGBA, which is what a
// caller drawing with image/draw usually holds.
func TestArgbForImageRGBA(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.SetRGBA(0, 0, color.RGBA{0x40, 0x20, 0x00, 0x80})
	want := []byte{0x80, 0x7F, 0x3F, 0x00}
	if got := argbForImage(img); !bytes.Equal(got, want) {
		t.Errorf("pixel = % X, want % X (A R G B)", got, want)
	}
}

// TestConvertToPixelsPNG round-trips a PNG with partial transparency, the
// way SetIcon receives icons, pixel by pixel and in row-major order.
func TestConvertToPixelsPNG(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	for i := range src.Pix {
		src.Pix[i] = byte(i * 37)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	px := convertToPixels(buf.Bytes())
	if px.W != 3 || px.H != 2 {
		t.Fatalf("size %dx%d, want 3x2", px.W, px.H)
	}
	for y := 0; y < 2; y++ {
		for x := 0; x < 3; x++ {
			c := src.NRGBAAt(x, y)
			want := []byte{c.A, c.R, c.G, c.B}
			i := (y*3 + x) * 4
			if got := px.Pix[i : i+4]; !bytes.Equal(got, want) {
				t.Errorf("pixel (%d,%d) = % X, want % X", x, y, got, want)
			}
		}
	}
}
