package cases

// A generator: the goroutine feeds an unbuffered channel in a loop and
// nothing but its reader can stop it.
func lines(src []string) <-chan string {
	out := make(chan string)
	go func() {
		for _, s := range src {
			out <- s
		}
		close(out)
	}()
	return out
}

func naturals() <-chan int {
	c := make(chan int)
	go func() {
		for i := 0; ; i++ {
			c <- i
		}
	}()
	return c
}

// the loop returns at the first match: the producer stays blocked
func firstLong(src []string) string {
	for s := range lines(src) { // want "goroutine-blocked-send"
		if len(s) > 80 {
			return s
		}
	}
	return ""
}

// a break out of the loop, through a variable
func firstTen() []int {
	var out []int
	c := naturals() // want "goroutine-blocked-send"
	for n := range c {
		if n == 10 {
			break
		}
		out = append(out, n)
	}
	return out
}

// one value from an endless generator
func zero() int {
	return <-naturals() // want "goroutine-blocked-send"
}

// fixed twins: read to the end (the producer closes the channel) ...
func countLong(src []string) int {
	n := 0
	for s := range lines(src) {
		if len(s) > 80 {
			n++
		}
	}
	return n
}

// ... or give the producer a way out
func naturalsUntil(done <-chan struct{}) <-chan int {
	c := make(chan int)
	go func() {
		for i := 0; ; i++ {
			select {
			case c <- i:
			case <-done:
				return
			}
		}
	}()
	return c
}

func firstTenFixed() []int {
	done := make(chan struct{})
	defer close(done)
	var out []int
	for n := range naturalsUntil(done) {
		if n == 10 {
			break
		}
		out = append(out, n)
	}
	return out
}

// a buffered channel of room enough is not a generator the facts judge
func pair() <-chan int {
	c := make(chan int, 2)
	go func() {
		for i := 0; i < 2; i++ {
			c <- i
		}
	}()
	return c
}

func firstOfPair() int {
	return <-pair()
}

// a generator whose channel is also kept where a Stop method drains it:
// the facts do not call it a generator (silent)
type feed struct{ c chan int }

var lastFeed feed

func keptNaturals() <-chan int {
	c := make(chan int)
	lastFeed.c = c
	go func() {
		for i := 0; ; i++ {
			c <- i
		}
	}()
	return c
}

func firstKept() int {
	return <-keptNaturals()
}
