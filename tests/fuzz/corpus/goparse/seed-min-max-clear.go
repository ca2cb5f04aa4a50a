// The built-ins min, max (Go 1.21) and clear (Go 1.21).
package p

func f(a, b int, s []int, m map[string]int) int {
	lo := min(a, b, 3)
	hi := max(a, b)
	clear(s)
	clear(m)
	return min(lo, hi) + max(1.5, 2)
}
