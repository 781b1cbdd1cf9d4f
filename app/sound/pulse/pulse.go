// Package pulse plays the routine window's cues through a PulseAudio
// server, or PipeWire's PulseAudio service, with a pure-Go client of the
// protocol: no C library is loaded, and nothing is opened until Open.
package pulse

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jfreymuth/pulse"

	"github.com/limber-app/limber/app/sound"
)

// latency is the stream's buffer: short, so a cue sounds on time.
const latency = 0.05

// tail is silence played after a cue so its end is not cut off by the
// stream's buffer when it stops.
const tail = 150 * time.Millisecond

// Output is a connection to the sound server with one playback stream,
// corked (silent, letting the device sleep) between cues.
type Output struct {
	c  *pulse.Client
	st *pulse.PlaybackStream

	mu      sync.Mutex
	pcm     []int16 // the cue being played
	pos     int     // next sample of pcm to hand to the server
	started bool
}

// Open connects to the user's sound server ($PULSE_SERVER, else the
// session's socket) and prepares a stream. It fails when none answers.
func Open(appName string) (*Output, error) {
	c, err := pulse.NewClient(pulse.ClientApplicationName(appName), pulse.ClientApplicationIconName("io.github.limber_app.limber"))
	if err != nil {
		return nil, fmt.Errorf("connect to the sound server: %w", err)
	}
	o := &Output{c: c}
	o.st, err = c.NewPlayback(pulse.Int16Reader(o.read), pulse.PlaybackMono,
		pulse.PlaybackSampleRate(sound.Rate), pulse.PlaybackLatency(latency),
		pulse.PlaybackMediaName("Limber routine cues"))
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("open a playback stream: %w", err)
	}
	return o, nil
}

// read hands the server the cue's next samples, then silence: a stream
// whose reader ends would need a new start, which waits for the server.
func (o *Output) read(buf []int16) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := copy(buf, o.pcm[min(o.pos, len(o.pcm)):])
	clear(buf[n:])
	o.pos += n
	return len(buf), nil
}

// PlaySamples plays mono 16-bit samples at sound.Rate and returns when
// they have been played.
func (o *Output) PlaySamples(pcm []int16) error {
	o.mu.Lock()
	o.pcm, o.pos = pcm, 0
	o.mu.Unlock()
	if o.started {
		o.st.Resume()
	} else {
		o.st.Start() // waits until the server plays
		o.started = true
	}
	time.Sleep(time.Duration(len(pcm))*time.Second/sound.Rate + tail)
	o.st.Pause()
	if err := o.st.Error(); err != nil {
		return fmt.Errorf("playback: %w", err)
	}
	if o.st.Closed() {
		return errors.New("playback: the sound server went away")
	}
	return nil
}

// Close removes the stream and disconnects from the sound server.
func (o *Output) Close() error {
	o.st.Close()
	o.c.Close()
	return nil
}
