package cases

import (
	"io"
	"os"
)

// A helper that opens and returns the file is clean: ownership moves to
// the caller, which must close it.
func openConfig(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// through a second helper of the package
func openDefaultConfig() (*os.File, error) {
	return openConfig("/etc/app.conf")
}

func readConfig(name string) ([]byte, error) {
	f, err := openConfig(name) // want "file-not-closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

func readDefault() ([]byte, error) {
	f, err := openDefaultConfig() // want "file-not-closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// fixed twins: the caller closes what the helper returned.
func readConfigFixed(name string) ([]byte, error) {
	f, err := openConfig(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func readDefaultFixed() ([]byte, error) {
	f, err := openDefaultConfig()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// A helper that may return a shared file (os.Stdout) hands over nothing
// the caller must close: silent.
func outputFor(name string) (*os.File, error) {
	if name == "-" {
		return os.Stdout, nil
	}
	return os.Create(name)
}

func writeTo(name string, b []byte) error {
	f, err := outputFor(name)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	return err
}

// A helper that closes the file before returning it hands over a closed
// file (only its Name is of use): the caller has nothing to close.
func writeTemp(b []byte) (*os.File, error) {
	f, err := os.CreateTemp("", "cfg")
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	return f, nil
}

func tempName(b []byte) (string, error) {
	f, err := writeTemp(b)
	if err != nil {
		return "", err
	}
	return f.Name(), nil
}
