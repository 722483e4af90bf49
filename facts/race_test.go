//go:build race

package facts

// raceEnabled is set when the tests run under the race detector, where the
// longest comparisons take a sample of what they otherwise read whole.
const raceEnabled = true
