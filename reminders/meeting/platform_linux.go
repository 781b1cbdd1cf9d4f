package meeting

// defaultProc is where Linux mounts procfs.
const defaultProc = "/proc"
