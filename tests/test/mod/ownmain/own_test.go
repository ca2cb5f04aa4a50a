package ownmain

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func TestFetch(t *testing.T) { Fetch() }
