// Command goparse-oracle prints go/ast in leakhound's canonical dump form
// (docs/front-end.md), so that `leakhound parse --dump` can be compared with
// Go's own parser byte for byte.
//
//	goparse-oracle [-all] PATH...
//
// Every .go file named or found under the PATHs (walked like leakhound's
// walk: sorted, symbolic links to directories not followed; with -all
// nothing is skipped, otherwise testdata, vendor, _* and .* are) is parsed
// with parser.ParseComments|parser.SkipObjectResolution.  An accepted file
// is printed as "== PATH" followed by its dump on stdout; a rejected one is
// reported on stderr as "PATH: reject: FIRST ERROR".  With -time it parses
// every file without printing and reports the CPU time spent parsing on
// stderr.
//
// With -mutate DIR it instead writes -n mutants of small files found under
// the PATHs into DIR (m00000.go, ...): each a copy with one to three random
// edits (a span deleted or duplicated, a Go token inserted or substituted),
// reproducible from -seed.  The conformance suite parses them with both
// parsers, which must still agree on every file.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time: parse figures must not
// depend on what else the machine runs (GC work on other threads counts).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type dumper struct {
	w    *bufio.Writer
	fset *token.FileSet
	buf  []byte
}

func (d *dumper) pos(p token.Pos) {
	if !p.IsValid() {
		d.w.WriteByte('-')
		return
	}
	ps := d.fset.PositionFor(p, false)
	d.buf = strconv.AppendInt(d.buf[:0], int64(ps.Line), 10)
	d.buf = append(d.buf, ':')
	d.buf = strconv.AppendInt(d.buf, int64(ps.Column), 10)
	d.w.Write(d.buf)
}

func (d *dumper) str(s string) {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c == '\\' {
			d.w.WriteString(s[start:i])
			if c == '\\' {
				d.w.WriteString(`\\`)
			} else {
				d.w.Write([]byte{'\\', 'x', hex[c>>4], hex[c&15]})
			}
			start = i + 1
		}
	}
	d.w.WriteString(s[start:])
}

func (d *dumper) head(depth int, label, kind string, n ast.Node) {
	for i := 0; i < depth; i++ {
		d.w.WriteByte(' ')
	}
	if label != "" {
		d.w.WriteString(label)
		d.w.WriteByte(' ')
	}
	d.w.WriteString(kind)
	d.w.WriteByte(' ')
	d.pos(n.Pos())
	d.w.WriteByte('-')
	d.pos(n.End())
}

func (d *dumper) group(depth int, label string, g *ast.CommentGroup) {
	if g == nil {
		return
	}
	d.head(depth, label, "CommentGroup", g)
	d.w.WriteByte('\n')
}

func (d *dumper) exprs(depth int, label string, l []ast.Expr) {
	for _, x := range l {
		d.node(depth, label, x)
	}
}

func (d *dumper) stmts(depth int, label string, l []ast.Stmt) {
	for _, x := range l {
		d.node(depth, label, x)
	}
}

func (d *dumper) idents(depth int, label string, l []*ast.Ident) {
	for _, x := range l {
		d.node(depth, label, x)
	}
}

func (d *dumper) nl() { d.w.WriteByte('\n') }

// isNil reports whether an interface holds a nil pointer (or is nil).
func isNil(n ast.Node) bool {
	switch x := n.(type) {
	case nil:
		return true
	case *ast.Ident:
		return x == nil
	case *ast.BasicLit:
		return x == nil
	case *ast.BlockStmt:
		return x == nil
	case *ast.FieldList:
		return x == nil
	case *ast.FuncType:
		return x == nil
	case *ast.CallExpr:
		return x == nil
	}
	return false
}

func (d *dumper) node(depth int, label string, n ast.Node) {
	if isNil(n) {
		return
	}
	k := strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")
	d.head(depth, label, k, n)
	c := depth + 1
	w := d.w
	switch x := n.(type) {
	case *ast.Ident:
		w.WriteByte(' ')
		w.WriteString(x.Name)
		d.nl()
	case *ast.BasicLit:
		w.WriteByte(' ')
		w.WriteString(x.Kind.String())
		w.WriteByte(' ')
		d.str(x.Value)
		d.nl()
	case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
		d.nl()
	case *ast.Ellipsis:
		d.nl()
		d.node(c, "Elt", x.Elt)
	case *ast.FuncLit:
		d.nl()
		d.node(c, "Type", x.Type)
		d.node(c, "Body", x.Body)
	case *ast.CompositeLit:
		d.nl()
		d.node(c, "Type", x.Type)
		d.exprs(c, "Elts", x.Elts)
	case *ast.ParenExpr:
		d.nl()
		d.node(c, "X", x.X)
	case *ast.SelectorExpr:
		d.nl()
		d.node(c, "X", x.X)
		d.node(c, "Sel", x.Sel)
	case *ast.IndexExpr:
		d.nl()
		d.node(c, "X", x.X)
		d.node(c, "Index", x.Index)
	case *ast.IndexListExpr:
		d.nl()
		d.node(c, "X", x.X)
		d.exprs(c, "Indices", x.Indices)
	case *ast.SliceExpr:
		if x.Slice3 {
			w.WriteString(" slice3")
		}
		d.nl()
		d.node(c, "X", x.X)
		d.node(c, "Low", x.Low)
		d.node(c, "High", x.High)
		d.node(c, "Max", x.Max)
	case *ast.TypeAssertExpr:
		d.nl()
		d.node(c, "X", x.X)
		d.node(c, "Type", x.Type)
	case *ast.CallExpr:
		if x.Ellipsis.IsValid() {
			w.WriteString(" ...@")
			d.pos(x.Ellipsis)
		}
		d.nl()
		d.node(c, "Fun", x.Fun)
		d.exprs(c, "Args", x.Args)
	case *ast.StarExpr:
		d.nl()
		d.node(c, "X", x.X)
	case *ast.UnaryExpr:
		w.WriteByte(' ')
		w.WriteString(x.Op.String())
		d.nl()
		d.node(c, "X", x.X)
	case *ast.BinaryExpr:
		w.WriteByte(' ')
		w.WriteString(x.Op.String())
		w.WriteByte('@')
		d.pos(x.OpPos)
		d.nl()
		d.node(c, "X", x.X)
		d.node(c, "Y", x.Y)
	case *ast.KeyValueExpr:
		d.nl()
		d.node(c, "Key", x.Key)
		d.node(c, "Value", x.Value)
	case *ast.ArrayType:
		d.nl()
		d.node(c, "Len", x.Len)
		d.node(c, "Elt", x.Elt)
	case *ast.StructType:
		d.nl()
		d.node(c, "Fields", x.Fields)
	case *ast.FuncType:
		d.nl()
		d.node(c, "TypeParams", x.TypeParams)
		d.node(c, "Params", x.Params)
		d.node(c, "Results", x.Results)
	case *ast.InterfaceType:
		d.nl()
		d.node(c, "Methods", x.Methods)
	case *ast.MapType:
		d.nl()
		d.node(c, "Key", x.Key)
		d.node(c, "Value", x.Value)
	case *ast.ChanType:
		switch x.Dir {
		case ast.SEND:
			w.WriteString(" send")
		case ast.RECV:
			w.WriteString(" recv")
		default:
			w.WriteString(" both")
		}
		if x.Arrow.IsValid() {
			w.WriteString(" <-@")
			d.pos(x.Arrow)
		}
		d.nl()
		d.node(c, "Value", x.Value)
	case *ast.DeclStmt:
		d.nl()
		d.node(c, "Decl", x.Decl)
	case *ast.EmptyStmt:
		if x.Implicit {
			w.WriteString(" implicit")
		}
		d.nl()
	case *ast.LabeledStmt:
		d.nl()
		d.node(c, "Label", x.Label)
		d.node(c, "Stmt", x.Stmt)
	case *ast.ExprStmt:
		d.nl()
		d.node(c, "X", x.X)
	case *ast.SendStmt:
		w.WriteString(" <-@")
		d.pos(x.Arrow)
		d.nl()
		d.node(c, "Chan", x.Chan)
		d.node(c, "Value", x.Value)
	case *ast.IncDecStmt:
		w.WriteByte(' ')
		w.WriteString(x.Tok.String())
		d.nl()
		d.node(c, "X", x.X)
	case *ast.AssignStmt:
		w.WriteByte(' ')
		w.WriteString(x.Tok.String())
		w.WriteByte('@')
		d.pos(x.TokPos)
		d.nl()
		d.exprs(c, "Lhs", x.Lhs)
		d.exprs(c, "Rhs", x.Rhs)
	case *ast.GoStmt:
		d.nl()
		d.node(c, "Call", x.Call)
	case *ast.DeferStmt:
		d.nl()
		d.node(c, "Call", x.Call)
	case *ast.ReturnStmt:
		d.nl()
		d.exprs(c, "Results", x.Results)
	case *ast.BranchStmt:
		w.WriteByte(' ')
		w.WriteString(x.Tok.String())
		d.nl()
		d.node(c, "Label", x.Label)
	case *ast.BlockStmt:
		d.nl()
		d.stmts(c, "List", x.List)
	case *ast.IfStmt:
		d.nl()
		d.node(c, "Init", x.Init)
		d.node(c, "Cond", x.Cond)
		d.node(c, "Body", x.Body)
		d.node(c, "Else", x.Else)
	case *ast.CaseClause:
		if x.List == nil {
			w.WriteString(" default")
		}
		d.nl()
		d.exprs(c, "List", x.List)
		d.stmts(c, "Body", x.Body)
	case *ast.SwitchStmt:
		d.nl()
		d.node(c, "Init", x.Init)
		d.node(c, "Tag", x.Tag)
		d.node(c, "Body", x.Body)
	case *ast.TypeSwitchStmt:
		d.nl()
		d.node(c, "Init", x.Init)
		d.node(c, "Assign", x.Assign)
		d.node(c, "Body", x.Body)
	case *ast.CommClause:
		if x.Comm == nil {
			w.WriteString(" default")
		}
		d.nl()
		d.node(c, "Comm", x.Comm)
		d.stmts(c, "Body", x.Body)
	case *ast.SelectStmt:
		d.nl()
		d.node(c, "Body", x.Body)
	case *ast.ForStmt:
		d.nl()
		d.node(c, "Init", x.Init)
		d.node(c, "Cond", x.Cond)
		d.node(c, "Post", x.Post)
		d.node(c, "Body", x.Body)
	case *ast.RangeStmt:
		if x.Tok != token.ILLEGAL {
			w.WriteByte(' ')
			w.WriteString(x.Tok.String())
			w.WriteByte('@')
			d.pos(x.TokPos)
		}
		d.nl()
		d.node(c, "Key", x.Key)
		d.node(c, "Value", x.Value)
		d.node(c, "X", x.X)
		d.node(c, "Body", x.Body)
	case *ast.ImportSpec:
		d.nl()
		d.group(c, "Doc", x.Doc)
		d.node(c, "Name", x.Name)
		d.node(c, "Path", x.Path)
		d.group(c, "Comment", x.Comment)
	case *ast.ValueSpec:
		d.nl()
		d.group(c, "Doc", x.Doc)
		d.idents(c, "Names", x.Names)
		d.node(c, "Type", x.Type)
		d.exprs(c, "Values", x.Values)
		d.group(c, "Comment", x.Comment)
	case *ast.TypeSpec:
		if x.Assign.IsValid() {
			w.WriteString(" =@")
			d.pos(x.Assign)
		}
		d.nl()
		d.group(c, "Doc", x.Doc)
		d.node(c, "Name", x.Name)
		d.node(c, "TypeParams", x.TypeParams)
		d.node(c, "Type", x.Type)
		d.group(c, "Comment", x.Comment)
	case *ast.GenDecl:
		w.WriteByte(' ')
		w.WriteString(x.Tok.String())
		if x.Lparen.IsValid() {
			w.WriteString(" (@")
			d.pos(x.Lparen)
		}
		d.nl()
		d.group(c, "Doc", x.Doc)
		for _, s := range x.Specs {
			d.node(c, "Specs", s)
		}
	case *ast.FuncDecl:
		d.nl()
		d.group(c, "Doc", x.Doc)
		d.node(c, "Recv", x.Recv)
		d.node(c, "Name", x.Name)
		d.node(c, "Type", x.Type)
		d.node(c, "Body", x.Body)
	case *ast.Field:
		d.nl()
		d.group(c, "Doc", x.Doc)
		d.idents(c, "Names", x.Names)
		d.node(c, "Type", x.Type)
		d.node(c, "Tag", x.Tag)
		d.group(c, "Comment", x.Comment)
	case *ast.FieldList:
		d.nl()
		for _, f := range x.List {
			d.node(c, "List", f)
		}
	case *ast.Comment:
		w.WriteByte(' ')
		d.str(x.Text)
		d.nl()
	case *ast.CommentGroup:
		d.nl()
		for _, cm := range x.List {
			d.node(c, "List", cm)
		}
	case *ast.File:
		d.nl()
		d.group(c, "Doc", x.Doc)
		d.node(c, "Name", x.Name)
		for _, dc := range x.Decls {
			d.node(c, "Decls", dc)
		}
		for _, g := range x.Comments {
			d.node(c, "Comments", g)
		}
	default:
		d.nl()
	}
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		name == "testdata" || name == "vendor"
}

func collect(root string, all bool) ([]string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := de.Name()
		if de.IsDir() {
			if path != root && !all && skipDir(name) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || len(name) <= 3 {
			return nil
		}
		if !all && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return nil
		}
		if de.Type().IsRegular() || de.Type()&fs.ModeSymlink != 0 {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

var mutTokens = []string{"(", ")", "{", "}", "[", "]", ",", ";", "\n", ":=", "=", "...",
	"<-", "*", "~", "|", "func", "type", "chan", "interface{}", "range", "go ", "defer ",
	":", ".", "&", "[]", "T[int]", "x", " ", "\"s\"", "`r`", "'c'", "1", "0x1p3", "//c\n",
	"/*c*/", "if ", "else", "for ", "switch ", "case ", "default:", "select", "var ",
	"const ", "import ", "struct{}", "map[", "[...]", "goto L", "L:", "fallthrough",
	"return", "~int", "any", "\r", "_", "0b1", "1_0", "'\\x", "é"}

func mutate(dir string, n int, seed int64, files []string) error {
	var small []string
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.Size() < 6000 {
			small = append(small, f)
		}
	}
	if len(small) == 0 {
		return fmt.Errorf("no small Go files to mutate")
	}
	r := rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		src, err := os.ReadFile(small[r.Intn(len(small))])
		if err != nil {
			return err
		}
		for k := r.Intn(3) + 1; k > 0; k-- {
			pos := r.Intn(len(src) + 1)
			var out []byte
			out = append(out, src[:pos]...)
			switch r.Intn(4) {
			case 0: // delete a span
				end := pos + 1 + r.Intn(12)
				if end > len(src) {
					end = len(src)
				}
				out = append(out, src[end:]...)
			case 1: // insert a token
				out = append(out, mutTokens[r.Intn(len(mutTokens))]...)
				out = append(out, src[pos:]...)
			case 2: // duplicate a span from elsewhere
				a := r.Intn(len(src) + 1)
				b := a + 1 + r.Intn(40)
				if b > len(src) {
					b = len(src)
				}
				out = append(out, src[a:b]...)
				out = append(out, src[pos:]...)
			default: // substitute a token for one byte
				out = append(out, mutTokens[r.Intn(len(mutTokens))]...)
				if pos < len(src) {
					out = append(out, src[pos+1:]...)
				}
			}
			src = out
		}
		name := filepath.Join(dir, fmt.Sprintf("m%05d.go", i))
		if err := os.WriteFile(name, src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	all := flag.Bool("all", false, "do not skip testdata, vendor, _* and .*")
	timeOnly := flag.Bool("time", false, "only parse, report the time")
	mutDir := flag.String("mutate", "", "write mutants of the files into this directory")
	mutN := flag.Int("n", 1000, "number of mutants")
	mutSeed := flag.Int64("seed", 1, "random seed of the mutants")
	flag.Parse()
	var files []string
	for _, root := range flag.Args() {
		fs, err := collect(root, *all)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		files = append(files, fs...)
	}
	if *mutDir != "" {
		if err := mutate(*mutDir, *mutN, *mutSeed, files); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		return
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	var total time.Duration
	var bytes int
	rejected := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fset := token.NewFileSet()
		t0 := cpuTime()
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
		total += cpuTime() - t0
		bytes += len(src)
		if err != nil {
			rejected++
			if !*timeOnly {
				msg := err.Error()
				if i := strings.IndexByte(msg, '\n'); i >= 0 {
					msg = msg[:i]
				}
				fmt.Fprintf(os.Stderr, "%s: reject: %s\n", path, msg)
			}
			continue
		}
		if *timeOnly {
			continue
		}
		out.WriteString("== ")
		out.WriteString(path)
		out.WriteByte('\n')
		d := &dumper{w: out, fset: fset}
		d.node(0, "", f)
	}
	if *timeOnly {
		fmt.Fprintf(os.Stderr, "files: %d\nrejected: %d\nbytes: %d\nseconds: %.4f\nMB/s: %.1f\n",
			len(files), rejected, bytes, total.Seconds(), float64(bytes)/total.Seconds()/1e6)
	}
}
