package fixed

import "testing"

func TestFetchQuit(t *testing.T) {
	if _, err := Fetch(true); err == nil {
		t.Fatal("want an error")
	}
}

func TestSum(t *testing.T) {
	if s := Sum([]int{1, 2, 3}); s != 6 {
		t.Fatal(s)
	}
}

func TestWatch(t *testing.T) { Watch()() }
func TestTake(t *testing.T)  { Take(3) }
func TestStart(t *testing.T) { Start()() }
