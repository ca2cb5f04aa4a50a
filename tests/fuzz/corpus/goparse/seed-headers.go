// Composite literals in if, for and switch headers need parentheses.
package p

type T struct{ x int }

func f(v T, xs []int) {
	if v == (T{}) {
	}
	if x := (T{x: 1}); x.x > 0 {
	}
	for _, n := range []int{1, 2} {
		_ = n
	}
	for i := (T{}).x; i < 3; i++ {
	}
	switch (T{}) {
	case T{x: 1}:
	}
	switch y := v.x; {
	case y > 0:
	}
	switch t := interface{}(v).(type) {
	case T, *T:
		_ = t
	default:
	}
	if func() bool { return T{} == v }() {
	}
}
