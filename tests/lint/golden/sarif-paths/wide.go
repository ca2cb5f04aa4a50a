package wide

import "os"

// The finding's column is after non-ASCII text: é is 2 bytes and 1 UTF-16
// unit, 𝄞 is 4 bytes and 2 UTF-16 units.
func first(p string) byte {
	var s = "é𝄞"; f, err := os.Open(p + s)
	if err != nil {
		return 0
	}
	b := make([]byte, 1)
	f.Read(b)
	return b[0]
}
