//go:build !windows

package idle

import (
	"fmt"
	"runtime"
)

func openWindows() (Source, error) {
	return nil, fmt.Errorf("GetLastInputInfo is not available on %s", runtime.GOOS)
}
