package cases

import (
	"encoding/binary"
	"io"
	"os"
	"text/template"
)

// Returned on the success path, leaked on the earlier error return
// (moby's atomic writer).  Ownership moves per path, not per function.
func create(p string) (*os.File, error) {
	f, err := os.Create(p) // want "file-not-closed"
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0600); err != nil {
		return nil, err
	}
	return f, nil
}

// The fixed twin: the error path closes it.  Silent.
func createFixed(p string) (*os.File, error) {
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0600); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Passing is not handing off: a template writes to the file and keeps
// nothing.
func render(p string, t *template.Template, data any) error {
	f, err := os.Create(p) // want "file-not-closed"
	if err != nil {
		return err
	}
	return t.Execute(f, data)
}

// The fixed twin.  Silent.
func renderFixed(p string, t *template.Template, data any) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return t.ExecuteTemplate(f, "page", data)
}

// io.Copy and binary.Write borrow it too.
func dump(p string, r io.Reader, v uint32) error {
	f, err := os.Create(p) // want "file-not-closed"
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		return err
	}
	return binary.Write(f, binary.LittleEndian, v)
}

// The fixed twin.  Silent.
func dumpFixed(p string, r io.Reader, v uint32) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(f, r); err != nil {
		return err
	}
	return binary.Write(f, binary.LittleEndian, v)
}

// Handed to an unknown function: it may keep it.  Silent.
func handOff(p string, keep func(*os.File)) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	keep(f)
	return nil
}

// The file is created in either branch of an if; the err reassigned in the
// other branch, where this file is not open, does not make the error check
// after the if meaningless (cmd/cover's htmlOutput).  Silent.
func eitherBranch(dir, name string, data any, t *template.Template) error {
	var out *os.File
	var err error
	if name == "" {
		out, err = os.Create(dir + "/index.html")
	} else {
		out, err = os.Create(name)
	}
	if err != nil {
		return err
	}
	err = t.Execute(out, data)
	if err2 := out.Close(); err == nil {
		err = err2
	}
	return err
}

// The leaky twin: the second creation overwrites a file still open.
func overwrite(a, b string) error {
	f, err := os.Create(a) // want "file-not-closed"
	if err != nil {
		return err
	}
	f, err = os.Create(b)
	if err != nil {
		return err
	}
	return f.Close()
}
