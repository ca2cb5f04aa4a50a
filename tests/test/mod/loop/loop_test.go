package loop

import "testing"

func TestTake(t *testing.T) {
	if got := Take(3); len(got) != 3 {
		t.Fatal(got)
	}
}
