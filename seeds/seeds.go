// Package seeds holds the embedded default corpus: five public profiles of the
// Iranian opposition group MEK, byte for byte as published, with the manifest that
// describes them and the reviews of their conflicts.
package seeds

import "embed"

// FS is the corpus: compare.yaml, reviews.yaml and the five documents.
//
//go:embed compare.yaml reviews.yaml *.txt
var FS embed.FS
