package sub

import "os"

func Read(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 10)
	_, err = f.Read(b)
	return b, err
}
