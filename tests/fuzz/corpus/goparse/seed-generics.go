package p

type Number interface {
	~int | ~int64 | ~float64
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Sum[N Number](xs ...N) (total N) {
	for _, x := range xs {
		total += x
	}
	return
}

type PT[P *C, C any] struct{}
type Arr [N]int
type G[P interface{ ~[]byte | string }] int

const N = 4

var _ = Map[int, string]([]int{1}, func(i int) string { return "" })
var _ = Sum[float64](1, 2.5)
var _ Stack[Stack[int]]
