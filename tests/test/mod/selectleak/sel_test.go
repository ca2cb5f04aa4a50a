package selectleak

import "testing"

func TestWatch(t *testing.T) {
	Watch()
}
