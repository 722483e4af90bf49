//go:build race

package hugeheap

// raceEnabled is set when the tests run under the race detector, which clears
// shadow memory for every allocation: a reservation faults those pages in.
const raceEnabled = true
