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
