package send

import "testing"

func TestFetchQuit(t *testing.T) {
	if _, err := Fetch(true); err == nil {
		t.Fatal("want an error")
	}
}

func TestFetch(t *testing.T) {
	if v, _ := Fetch(false); v != 42 {
		t.Fatal(v)
	}
}
