package p

func send(c chan<- int, v int) { c <- v }

func fanIn(a, b chan int) {
	send(a, 1)
	go send(b, 2)
}

type srv struct{ done chan struct{} }

func (s *srv) run() { <-s.done }
