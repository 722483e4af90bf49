// Package facts turns source text into typed claims.
//
// It owns the first stages of the pipeline: loading a corpus (the manifest and its
// source files), segmenting each source into sentences with byte spans and lines,
// folding text for matching, the typed values a claim can carry (Date, Period,
// Quantity, Place, Entity, Text), and the named extraction rules that produce
// claims. Nothing here compares sources or renders output.
package facts
