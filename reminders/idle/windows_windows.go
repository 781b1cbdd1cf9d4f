package idle

import (
	"fmt"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// winSource calls user32!GetLastInputInfo, which returns the tick count
// (milliseconds since boot, 32 bits) of the last input event in this session.
type winSource struct {
	getLastInputInfo *windows.LazyProc
	getTickCount     *windows.LazyProc
}

// lastInputInfo mirrors the Win32 LASTINPUTINFO structure.
type lastInputInfo struct {
	cbSize uint32
	dwTime uint32
}

func openWindows() (Source, error) {
	s := &winSource{
		getLastInputInfo: windows.NewLazySystemDLL("user32.dll").NewProc("GetLastInputInfo"),
		getTickCount:     windows.NewLazySystemDLL("kernel32.dll").NewProc("GetTickCount"),
	}
	if err := s.getLastInputInfo.Find(); err != nil {
		return nil, fmt.Errorf("find GetLastInputInfo: %w", err)
	}
	if err := s.getTickCount.Find(); err != nil {
		return nil, fmt.Errorf("find GetTickCount: %w", err)
	}
	return s, nil
}

func (s *winSource) Name() string { return Windows }

func (s *winSource) Idle() (time.Duration, error) {
	info := lastInputInfo{cbSize: uint32(unsafe.Sizeof(lastInputInfo{}))}
	ok, _, err := s.getLastInputInfo.Call(uintptr(unsafe.Pointer(&info)))
	if ok == 0 {
		return 0, fmt.Errorf("GetLastInputInfo: %w", err)
	}
	// GetTickCount is the same 32-bit counter dwTime is taken from, so the
	// two wrap together.
	now, _, _ := s.getTickCount.Call()
	return sinceTick(uint32(now), info.dwTime), nil
}

func (s *winSource) Close() error { return nil }
