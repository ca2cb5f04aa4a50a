package hang

import "testing"

func TestAsk(t *testing.T) {
	req := make(chan int)
	Ask(req)
}
