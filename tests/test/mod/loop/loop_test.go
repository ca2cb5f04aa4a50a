package loop

import "testing"

func TestSpin(t *testing.T) {
	Spin()
}
