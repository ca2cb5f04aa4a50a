package ticker

import "testing"

func TestStart(t *testing.T) {
	Start()
}
