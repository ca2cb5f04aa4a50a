package cases

import "fmt"

type printer struct{ prefix string }

// a method ranging over a directional parameter.
func (p *printer) drain(in <-chan string) {
	for s := range in { // want "goroutine-blocked-recv"
		fmt.Println(p.prefix + s)
	}
}

func (p *printer) printAll(lines []string) {
	in := make(chan string)
	go p.drain(in)
	for _, l := range lines {
		in <- l
	}
}

func consume(in <-chan int) {
	for v := range in {
		fmt.Println(v)
	}
}

// fixed twin: closed after the loop.
func produce(xs []int) {
	in := make(chan int)
	go consume(in)
	for _, x := range xs {
		in <- x
	}
	close(in)
}
