package routine

import (
	"context"
	"image"
	"sync"

	"github.com/limber-app/limber/app/ui/art"
	"github.com/limber-app/limber/routines"
)

// memoArtist draws like the window and remembers what it drew, for tests
// that show the same pictures many times (every stretch in every
// language). It is safe for the window's background drawing.
type memoArtist struct {
	mu      sync.Mutex
	stills  map[pictureKey]stills
	motions map[pictureKey]art.Motion
}

// pictureKey is what a picture depends on.
type pictureKey struct {
	stretch, image string
	side           routines.Side
	palette        art.Palette
}

type stills struct {
	frames []image.Image
	thumb  image.Image
}

func newMemoArtist() *memoArtist {
	return &memoArtist{stills: map[pictureKey]stills{}, motions: map[pictureKey]art.Motion{}}
}

func keyOf(s routines.Step, side routines.Side, p art.Palette) pictureKey {
	return pictureKey{s.StretchID, s.Image, side, p}
}

func (m *memoArtist) Stills(s routines.Step, side routines.Side, p art.Palette) ([]image.Image, image.Image) {
	k := keyOf(s, side, p)
	m.mu.Lock()
	got, ok := m.stills[k]
	m.mu.Unlock()
	if !ok {
		got.frames, got.thumb = artArtist{}.Stills(s, side, p)
		m.mu.Lock()
		m.stills[k] = got
		m.mu.Unlock()
	}
	return got.frames, got.thumb
}

func (m *memoArtist) Motion(ctx context.Context, s routines.Step, side routines.Side, p art.Palette) (art.Motion, bool) {
	k := keyOf(s, side, p)
	m.mu.Lock()
	got, ok := m.motions[k]
	m.mu.Unlock()
	if ok {
		return got, true
	}
	got, ok = artArtist{}.Motion(ctx, s, side, p)
	if ok {
		m.mu.Lock()
		m.motions[k] = got
		m.mu.Unlock()
	}
	return got, ok
}
