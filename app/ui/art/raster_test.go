package art

import (
	"testing"

	"github.com/limber-app/limber/assets"
)

func BenchmarkRaster(b *testing.B) {
	frames, _ := assets.Illustration("standing-side-bend")
	for b.Loop() {
		if _, err := Raster(frames[0], 480); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRasterDrawsSomething(t *testing.T) {
	frames, _ := assets.Illustration("cat-camel")
	img, err := Raster(frames[0], 96)
	if err != nil {
		t.Fatal(err)
	}
	drawn := 0
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] > 0 {
			drawn++
		}
	}
	if drawn < 96*96/50 {
		t.Errorf("only %d of %d pixels drawn", drawn, 96*96)
	}
	if _, err := Raster([]byte("<svg"), 10); err == nil {
		t.Error("broken svg: want an error")
	}
}
