package p

import "os"

func readarch(p string) byte {
	f, err := os.Open(p)
	if err != nil {
		return 0
	}
	b := make([]byte, 1)
	f.Read(b)
	return b[0]
}
