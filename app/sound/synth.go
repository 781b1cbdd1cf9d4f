package sound

import (
	"math"
	"time"
)

// Rate is the sample rate of the synthesised cues (mono, 16-bit).
const Rate = 44100

// note is one tone of a cue: a sine (with a quieter octave above for a
// bell-like colour) starting at a time, with a short attack and an
// exponential decay so it neither clicks nor rings on.
type note struct {
	freq  float64       // Hz
	start time.Duration // from the cue's start
	len   time.Duration
	gain  float64 // 0..1 of full scale
}

// score returns a cue's notes. The levels stay well under full scale:
// these are gentle cues for a quiet room, not alarms.
func score(c Cue) []note {
	ms := time.Millisecond
	switch c {
	case Step: // E5 → A5
		return []note{{659.25, 0, 220 * ms, 0.22}, {880, 140 * ms, 320 * ms, 0.22}}
	case Switch: // G5, G5
		return []note{{783.99, 0, 150 * ms, 0.24}, {783.99, 200 * ms, 220 * ms, 0.24}}
	case Tick: // a short high blip
		return []note{{1318.5, 0, 45 * ms, 0.12}}
	case Done: // C5 E5 G5 C6, let ring
		return []note{{523.25, 0, 600 * ms, 0.18}, {659.25, 160 * ms, 600 * ms, 0.18},
			{783.99, 320 * ms, 700 * ms, 0.18}, {1046.5, 480 * ms, 900 * ms, 0.16}}
	}
	return nil
}

// attack is how long a note takes to reach its level; shorter would click.
const attack = 6 * time.Millisecond

// Samples returns the cue's sound as mono 16-bit samples at Rate.
func Samples(c Cue) []int16 {
	notes := score(c)
	var end time.Duration
	for _, n := range notes {
		end = max(end, n.start+n.len)
	}
	mix := make([]float64, samplesIn(end))
	for _, n := range notes {
		add(mix, n)
	}
	out := make([]int16, len(mix))
	for i, v := range mix {
		out[i] = int16(math.Round(max(-1, min(1, v)) * math.MaxInt16))
	}
	return out
}

func samplesIn(d time.Duration) int { return int(d * Rate / time.Second) }

// add mixes one note into buf.
func add(buf []float64, n note) {
	first, count := samplesIn(n.start), samplesIn(n.len)
	rise := float64(samplesIn(attack))
	for i := range count {
		env := math.Min(1, float64(i)/rise)
		// Decay to about -40 dB at the note's end, then a short linear
		// fade so the last sample is zero.
		env *= math.Exp(-4.6 * float64(i) / float64(count))
		env *= math.Min(1, float64(count-1-i)/rise)
		ph := 2 * math.Pi * n.freq * float64(i) / Rate
		buf[first+i] += n.gain * env * (math.Sin(ph) + 0.25*math.Sin(2*ph))
	}
}
