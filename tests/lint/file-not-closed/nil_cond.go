package cases

import (
	"errors"
	"os"
)

// The error test is one conjunct of the condition: the branch that returns
// needs err != nil, so there is no file to close on it (moby's plugin
// fixture).  Silent.
func touch(name string) error {
	f, err := os.Create(name)
	if err != nil && !os.IsExist(err) {
		return err
	}
	if f != nil {
		f.Close()
	}
	return nil
}

// The same with the conjuncts the other way round.  Silent.
func touchSwapped(name string) error {
	f, err := os.Create(name)
	if !os.IsExist(err) && err != nil {
		return err
	}
	if f != nil {
		f.Close()
	}
	return nil
}

// A disjunction: its then-branch may run with a file open.
func touchOr(name string, strict bool) error {
	f, err := os.Create(name) // want "file-not-closed"
	if err != nil || strict {
		return errors.New("strict")
	}
	return f.Close()
}

// The conjunction does not excuse a path that never closes.
func touchLeak(name string) error {
	f, err := os.Create(name) // want "file-not-closed"
	if err != nil && !os.IsExist(err) {
		return err
	}
	_ = f
	return nil
}

// Either test leaves no file in the branch that returns.  Silent.
func touchEither(name string) error {
	f, err := os.Create(name)
	if f == nil || err != nil {
		return err
	}
	return f.Close()
}

// A long chain of && (nested to the left): each side is looked at once,
// or this would take 2^40 steps.  Silent.
func chain(name string, a []int) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	if a[0] == 0 &&
		a[1] == 1 &&
		a[2] == 2 &&
		a[3] == 3 &&
		a[4] == 4 &&
		a[5] == 5 &&
		a[6] == 6 &&
		a[7] == 7 &&
		a[8] == 8 &&
		a[9] == 9 &&
		a[10] == 10 &&
		a[11] == 11 &&
		a[12] == 12 &&
		a[13] == 13 &&
		a[14] == 14 &&
		a[15] == 15 &&
		a[16] == 16 &&
		a[17] == 17 &&
		a[18] == 18 &&
		a[19] == 19 &&
		a[20] == 20 &&
		a[21] == 21 &&
		a[22] == 22 &&
		a[23] == 23 &&
		a[24] == 24 &&
		a[25] == 25 &&
		a[26] == 26 &&
		a[27] == 27 &&
		a[28] == 28 &&
		a[29] == 29 &&
		a[30] == 30 &&
		a[31] == 31 &&
		a[32] == 32 &&
		a[33] == 33 &&
		a[34] == 34 &&
		a[35] == 35 &&
		a[36] == 36 &&
		a[37] == 37 &&
		a[38] == 38 &&
		a[39] == 39 {
		return f.Close()
	}
	return f.Close()
}
