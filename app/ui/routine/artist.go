package routine

import (
	"context"
	"image"

	"github.com/limber-app/limber/app/ui/art"
	"github.com/limber-app/limber/routines"
)

// Artist draws a segment's pictures at the window's sizes: its stills
// (the side already applied), its "Up next" thumbnail and its movement.
// The window draws with app/ui/art (Options.Artist nil); the language
// tests share one Artist that remembers what it drew, since a picture
// does not depend on the language and drawing is most of their time.
type Artist interface {
	Stills(s routines.Step, side routines.Side, p art.Palette) (frames []image.Image, thumb image.Image)
	Motion(ctx context.Context, s routines.Step, side routines.Side, p art.Palette) (art.Motion, bool)
}

// artArtist draws with app/ui/art. It is the one place that knows which
// side a picture shows: art draws every stretch for the first side and
// mirrors it (figure and arrows) for the right side, so a person copying
// the picture moves the side the cue names.
type artArtist struct{}

func (artArtist) Stills(s routines.Step, side routines.Side, p art.Palette) ([]image.Image, image.Image) {
	return art.StepSideImages(s, side, p, pictureSize), art.StepThumbnail(s, p, nextThumbSize, 2*nextThumbSize)
}

func (artArtist) Motion(ctx context.Context, s routines.Step, side routines.Side, p art.Palette) (art.Motion, bool) {
	return art.MotionImages(ctx, s, side, p, pictureSize)
}
