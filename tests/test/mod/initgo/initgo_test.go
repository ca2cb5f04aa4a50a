package initgo

import "testing"

func TestEmit(t *testing.T) { Emit("x") }
