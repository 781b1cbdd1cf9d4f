package daemon

import "time"

// processStart is the origin of the fallback monotonic readings. It is set
// once at start-up and never changed.
var processStart = time.Now()
