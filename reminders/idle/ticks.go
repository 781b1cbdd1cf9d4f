package idle

import "time"

// sinceTick returns the time between two readings of the Windows 32-bit
// millisecond tick counter. The counter wraps every 49.7 days; unsigned
// subtraction gives the right answer across one wrap, which is all an idle
// period can span while the machine is awake.
func sinceTick(now, last uint32) time.Duration {
	return time.Duration(now-last) * time.Millisecond
}
