package helperfile_test

import "testing"

func TestPingRead(t *testing.T) {
	if v := <-startPinger(t); v != 1 {
		t.Fatal(v)
	}
}

func TestPingIgnored(t *testing.T) {
	startPinger(t)
}
