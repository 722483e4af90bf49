package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

func TestZZRun(t *testing.T) {
	args := strings.Fields(os.Getenv("ZZ_ARGS"))
	if len(args) == 0 {
		t.Skip()
	}
	if code := run(args, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal(code)
	}
}
