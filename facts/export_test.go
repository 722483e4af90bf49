package facts

import (
	"io/fs"
	"sync"
)

// CountingFS counts the files opened for reading; Stat does not open. Workers
// open files at once, hence the lock. It is exported for the tests of package
// facts_test too.
type CountingFS struct {
	fs.FS
	mu     sync.Mutex
	Opened map[string]int
}

func (c *CountingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.Opened[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

func (c *CountingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }
