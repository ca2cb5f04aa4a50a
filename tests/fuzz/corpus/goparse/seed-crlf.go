package p

// comment
var s = `a
b`

/* x
 */
func f() {
}
