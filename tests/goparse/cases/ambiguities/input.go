// Places where Go's grammar is ambiguous and go/parser's choice is the
// reference: array length or type parameter, conversion or call, receive
// or channel type, composite literal or block.
package p

type A1[P *int] struct{}      // an array type of length P*int
type A2[P *int,] struct{}     // a type parameter list (trailing comma)
type A3[P *struct{}] struct{} // type parameter: *struct{} is a type element
type A4[P (C)] struct{}       // an array again: P(C) may be a call
type A5[N] int                // array of length N
type A6[P interface{ M() }, Q ~int | ~string] struct{}

const N = 2

type C interface{}

func f(c chan int, m map[string]int) {
	_ = (<-chan int)(c)
	_ = <-c
	_ = (*int)(nil)
	_ = []byte("x")
	_ = func(int) {}
	for k := range m {
		_ = struct{ k string }{k}
	}
	if m != nil {
		_ = map[string]int{"a": 1}
	}
	var ch chan<- <-chan int
	var ch2 <-chan <-chan int
	_, _ = ch, ch2
	_ = A5{}[0]
}
