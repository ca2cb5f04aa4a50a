package p

type T struct{}

func (T) M()   {}
func (*T) P(x int) {}

func f(ch chan int, done <-chan struct{}, out chan<- int) {
	var x, y = 1, 2
	x, y = y, x
	x += 2
	x <<= 1
	x &^= 3
	x++
	y--
outer:
	for {
		select {
		case v, ok := <-ch:
			_, _ = v, ok
			break outer
		case out <- x:
			continue outer
		case <-done:
			goto end
		default:
		}
	}
end:
	go func() { ch <- 1 }()
	defer close(out)
	m := T.M
	p := (*T).P
	m(T{})
	p(&T{}, 1)
	var c <-chan <-chan int
	var d chan<- chan int
	_, _ = c, d
	switch x {
	case 1:
		fallthrough
	case 2, 3:
	}
	func() {}()
	{
		;
	}
L:
}
