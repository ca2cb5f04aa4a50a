package p

import (
	"os"
	"testing"
)

func TestX(t *testing.T) {
	f, _ := os.Open("x")
	f.Read(nil)
}
