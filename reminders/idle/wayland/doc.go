// Package wayland is a minimal Wayland client that speaks just enough of the
// wire protocol to learn when the user goes idle and comes back: the core
// objects (wl_display, wl_registry, wl_callback, wl_seat) and the two idle
// protocols compositors offer, ext_idle_notifier_v1 (sway ≥ 1.8, Hyprland,
// KDE Plasma ≥ 5.27, COSMIC, niri, labwc) and the older org_kde_kwin_idle
// (KDE, wlroots before ext-idle-notify, e.g. sway 1.7).
//
// Why it is hand-written: no Go Wayland client library is available from the
// Go module proxy, and binding libwayland-client through cgo would add a
// C dependency to every Linux build and a shared library the daemon needs at
// run time. The subset needed here is small and stable — a few fixed-size
// messages on a Unix socket, no file descriptors, no shared memory — so a
// pure-Go client of a few hundred lines, tested against recorded byte
// streams, a fuzzed decoder and a real compositor, is the smaller risk.
//
// Wayland messages are in the host's byte order; the package encodes and
// decodes with encoding/binary's NativeEndian.
package wayland
