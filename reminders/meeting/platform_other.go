//go:build !linux

package meeting

// defaultProc is empty: without Linux's procfs there is nothing to scan
// (see the package doc for what Windows and macOS would need).
const defaultProc = ""
