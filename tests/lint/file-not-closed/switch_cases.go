package cases

import (
	"fmt"
	"os"
)

// A tagless switch on the error: the first case returns the file, the
// second needs err != nil, and falling out of the switch means both were
// false, so err != nil there too (pprof's newTempFile).  Silent.
func newTemp(dir string) (*os.File, error) {
	for i := 1; i < 100; i++ {
		switch f, err := os.OpenFile(fmt.Sprintf("%s/%03d", dir, i), os.O_CREATE|os.O_EXCL, 0o666); {
		case err == nil:
			return f, nil
		case !os.IsExist(err):
			return nil, err
		}
	}
	return nil, fmt.Errorf("no free name in %s", dir)
}

// The leaky twin: the first case does not hold the nil test, so falling
// out of the switch may keep the file open into the next iteration.
func newTempLeak(dir string, skip bool) (*os.File, error) {
	for i := 1; i < 100; i++ {
		switch f, err := os.OpenFile(fmt.Sprintf("%s/%03d", dir, i), os.O_CREATE|os.O_EXCL, 0o666); { // want "file-not-closed"
		case skip:
			continue
		case err == nil:
			return f, nil
		}
	}
	return nil, fmt.Errorf("no free name in %s", dir)
}
