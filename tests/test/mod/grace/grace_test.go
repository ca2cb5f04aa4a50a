package grace

import "testing"

func TestFlush(t *testing.T) { Flush() }
