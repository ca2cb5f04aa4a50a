// Generic type aliases (Go 1.24).
package p

type Set[K comparable] = map[K]struct{}

type List[T any] = []T

type (
	Pair[A, B any] = struct {
		First  A
		Second B
	}
	Ptr[T any] = *T
)

var s Set[string] = Set[string]{"a": {}}
