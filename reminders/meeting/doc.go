// Package meeting tells whether a camera or microphone is in use, so the
// daemon can hold a due reminder while the user is in a video call or
// recording instead of popping a stretch prompt over it.
//
// A [Detector] does no work between calls and keeps no state: the daemon
// asks [Detector.InMeeting] when a reminder is due and then every few
// seconds while holding it back, and each call is one fresh scan.
//
// # Linux
//
// The device check scans /proc: a process of this user with an open file
// descriptor on a video capture device (/dev/video*) or an ALSA capture
// PCM (/dev/snd/pcmC*D*c) is using the camera or microphone. Sound
// servers (PipeWire, PulseAudio) open a capture PCM only while some client
// records and close it again after a few idle seconds, so the PCM is held
// by the sound server on behalf of the real client; playback PCMs
// (pcmC*D*p) are never counted. The process found is named in the
// [Evidence] for logs and status.
//
// A microphone that is not an ALSA device (a Bluetooth headset) is
// invisible to that scan, and it names the sound server rather than the
// application. Where a PulseAudio-protocol server answers (PulseAudio
// itself, or pipewire-pulse), the [Pulse] check lists its recording
// streams (source outputs) as well: a stream that is not corked and does
// not record from a monitor of an output counts, named by its
// application.
//
// Limber's own processes are ignored by executable, not by process tree:
// a process whose /proc/PID/exe is the daemon's own binary (or whose PID
// is the daemon's) never counts. The tree would be wrong both ways: a
// browser started through xdg-open from a Limber window is a descendant
// of Limber yet may well hold the camera.
//
// # Windows and macOS
//
// Not implemented: [Detector.InMeeting] returns false and
// [ErrNotSupported]. Windows would read the capability access manager's
// consent store, HKCU\Software\Microsoft\Windows\CurrentVersion\
// CapabilityAccessManager\ConsentStore\{webcam,microphone}: every
// application subkey (packaged apps directly, desktop apps under
// NonPackaged, with # for \ in the executable's path) whose
// LastUsedTimeStop is 0 while LastUsedTimeStart is not is using the
// device now. macOS would ask CoreMediaIO for each video device's
// kCMIODevicePropertyDeviceIsRunningSomewhere and CoreAudio for each
// input device's kAudioDevicePropertyDeviceIsRunningSomewhere (both cgo,
// no application name).
package meeting
