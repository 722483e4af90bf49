//go:build !unix

package facts

import "os"

// mapFile reads a file where mapping it is not supported.
func mapFile(path string) ([]byte, error) { return os.ReadFile(path) }
