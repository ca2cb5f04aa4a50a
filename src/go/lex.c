/*
 * lex: the Go lexer.
 *
 * Byte-oriented with an ASCII fast path: only bytes >= 0x80 are decoded as
 * UTF-8 (for identifiers and validity checks).  What it accepts and where it
 * places automatic semicolons follows go/scanner exactly, because the parser
 * must accept exactly the files go/parser accepts; the rules are those of
 * the Go specification plus go/scanner's placement of an inserted semicolon
 * at a comment that runs to the end of the line.  Every '\n' met is
 * recorded in the line table, which gives go/token's line and column.
 */
#include "lex.h"
#include "../base/utf8.h"
#include "../base/xalloc.h"
#include "unicode_tab.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tok_names[GO_TOK_COUNT] = {
	[GO_TOK_ILLEGAL] = "ILLEGAL", [GO_TOK_EOF] = "EOF",
	[GO_TOK_COMMENT] = "COMMENT", [GO_TOK_IDENT] = "IDENT",
	[GO_TOK_INT] = "INT", [GO_TOK_FLOAT] = "FLOAT", [GO_TOK_IMAG] = "IMAG",
	[GO_TOK_CHAR] = "CHAR", [GO_TOK_STRING] = "STRING",
	[GO_TOK_ADD] = "+", [GO_TOK_SUB] = "-", [GO_TOK_MUL] = "*",
	[GO_TOK_QUO] = "/", [GO_TOK_REM] = "%", [GO_TOK_AND] = "&",
	[GO_TOK_OR] = "|", [GO_TOK_XOR] = "^", [GO_TOK_SHL] = "<<",
	[GO_TOK_SHR] = ">>", [GO_TOK_AND_NOT] = "&^",
	[GO_TOK_ADD_ASSIGN] = "+=", [GO_TOK_SUB_ASSIGN] = "-=",
	[GO_TOK_MUL_ASSIGN] = "*=", [GO_TOK_QUO_ASSIGN] = "/=",
	[GO_TOK_REM_ASSIGN] = "%=", [GO_TOK_AND_ASSIGN] = "&=",
	[GO_TOK_OR_ASSIGN] = "|=", [GO_TOK_XOR_ASSIGN] = "^=",
	[GO_TOK_SHL_ASSIGN] = "<<=", [GO_TOK_SHR_ASSIGN] = ">>=",
	[GO_TOK_AND_NOT_ASSIGN] = "&^=",
	[GO_TOK_LAND] = "&&", [GO_TOK_LOR] = "||", [GO_TOK_ARROW] = "<-",
	[GO_TOK_INC] = "++", [GO_TOK_DEC] = "--",
	[GO_TOK_EQL] = "==", [GO_TOK_LSS] = "<", [GO_TOK_GTR] = ">",
	[GO_TOK_ASSIGN] = "=", [GO_TOK_NOT] = "!",
	[GO_TOK_NEQ] = "!=", [GO_TOK_LEQ] = "<=", [GO_TOK_GEQ] = ">=",
	[GO_TOK_DEFINE] = ":=", [GO_TOK_ELLIPSIS] = "...",
	[GO_TOK_LPAREN] = "(", [GO_TOK_LBRACK] = "[", [GO_TOK_LBRACE] = "{",
	[GO_TOK_COMMA] = ",", [GO_TOK_PERIOD] = ".",
	[GO_TOK_RPAREN] = ")", [GO_TOK_RBRACK] = "]", [GO_TOK_RBRACE] = "}",
	[GO_TOK_SEMICOLON] = ";", [GO_TOK_COLON] = ":", [GO_TOK_TILDE] = "~",
	[GO_TOK_BREAK] = "break", [GO_TOK_CASE] = "case",
	[GO_TOK_CHAN] = "chan", [GO_TOK_CONST] = "const",
	[GO_TOK_CONTINUE] = "continue", [GO_TOK_DEFAULT] = "default",
	[GO_TOK_DEFER] = "defer", [GO_TOK_ELSE] = "else",
	[GO_TOK_FALLTHROUGH] = "fallthrough", [GO_TOK_FOR] = "for",
	[GO_TOK_FUNC] = "func", [GO_TOK_GO] = "go", [GO_TOK_GOTO] = "goto",
	[GO_TOK_IF] = "if", [GO_TOK_IMPORT] = "import",
	[GO_TOK_INTERFACE] = "interface", [GO_TOK_MAP] = "map",
	[GO_TOK_PACKAGE] = "package", [GO_TOK_RANGE] = "range",
	[GO_TOK_RETURN] = "return", [GO_TOK_SELECT] = "select",
	[GO_TOK_STRUCT] = "struct", [GO_TOK_SWITCH] = "switch",
	[GO_TOK_TYPE] = "type", [GO_TOK_VAR] = "var",
};

const char *go_tok_str(enum go_tok t)
{
	if ((unsigned)t >= GO_TOK_COUNT || !tok_names[t])
		return "?";
	return tok_names[t];
}

int go_tok_precedence(enum go_tok t)
{
	switch (t) {
	case GO_TOK_LOR:
		return 1;
	case GO_TOK_LAND:
		return 2;
	case GO_TOK_EQL: case GO_TOK_NEQ: case GO_TOK_LSS:
	case GO_TOK_LEQ: case GO_TOK_GTR: case GO_TOK_GEQ:
		return 3;
	case GO_TOK_ADD: case GO_TOK_SUB: case GO_TOK_OR: case GO_TOK_XOR:
		return 4;
	case GO_TOK_MUL: case GO_TOK_QUO: case GO_TOK_REM: case GO_TOK_SHL:
	case GO_TOK_SHR: case GO_TOK_AND: case GO_TOK_AND_NOT:
		return 5;
	default:
		return 0;
	}
}

static int in_ranges(const uint32_t (*r)[2], size_t n, uint32_t c)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c < r[mid][0])
			hi = mid;
		else if (c > r[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int uni_letter(int32_t c)
{
	return c >= 0 && in_ranges(go_letter_ranges, NELEM(go_letter_ranges),
				   (uint32_t)c);
}

static int uni_digit(int32_t c)
{
	return c >= 0 && in_ranges(go_digit_ranges, NELEM(go_digit_ranges),
				   (uint32_t)c);
}

int go_import_path_rune_ok(int32_t r)
{
	return r >= 0 && in_ranges(go_import_path_ranges,
				   NELEM(go_import_path_ranges), (uint32_t)r);
}

static void lex_error(struct go_lexer *lx, uint32_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void lex_error(struct go_lexer *lx, uint32_t off, const char *fmt, ...)
{
	va_list ap;
	uint32_t lo = 0, hi = lx->nlines;

	if (lx->err_set)
		return;
	lx->err_set = 1;
	lx->err_off = off;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (lx->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	lx->err_line = lo + 1;
	lx->err_col = off - lx->lines[lo] + 1;
	va_start(ap, fmt);
	vsnprintf(lx->err_msg, sizeof(lx->err_msg), fmt, ap);
	va_end(ap);
}

/* A '\n' at offset nl: the next line starts after it (go/token records no
 * line start at the end of the file). */
static inline void newline(struct go_lexer *lx, uint32_t nl)
{
	if (nl + 1 >= lx->len)
		return;
	if (lx->nlines == lx->lines_cap)
		lx->lines = xgrow(lx->lines, sizeof(*lx->lines), lx->nlines + 1,
				  &lx->lines_cap);
	lx->lines[lx->nlines++] = nl + 1;
	lx->line++;
	lx->line_off = nl + 1;
}

void go_lex_init(struct go_lexer *lx, const char *src, size_t len,
		 int keep_comments)
{
	memset(lx, 0, sizeof(*lx));
	lx->src = src;
	lx->len = len > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)len;
	lx->line = 1;
	lx->keep_comments = keep_comments;
	lx->lines = xgrow(NULL, sizeof(*lx->lines), 64 + lx->len / 32,
			  &lx->lines_cap);
	lx->lines[0] = 0;
	lx->nlines = 1;
	if (lx->len >= 3 && (unsigned char)src[0] == 0xEF &&
	    (unsigned char)src[1] == 0xBB && (unsigned char)src[2] == 0xBF)
		lx->off = 3;
}

void go_lex_release(struct go_lexer *lx)
{
	free(lx->lines);
	lx->lines = NULL;
	lx->nlines = lx->lines_cap = 0;
}

/* Decode the non-ASCII character at off, reporting what go/scanner's
 * next() reports; returns the code point (-1 if invalid) and its width. */
static int32_t decode(struct go_lexer *lx, uint32_t off, uint32_t *w)
{
	size_t n;
	int32_t r = utf8_decode(lx->src + off, lx->len - off, &n);

	*w = (uint32_t)n;
	if (r < 0)
		lex_error(lx, off, "illegal UTF-8 encoding");
	else if (r == 0xFEFF && off > 0)
		lex_error(lx, off, "illegal byte order mark");
	return r;
}

/* Check the bytes of a comment or string body for what go/scanner rejects
 * anywhere (NUL, invalid UTF-8, a BOM); ASCII is the fast path. */
static inline void check_byte(struct go_lexer *lx, uint32_t *off)
{
	unsigned char c = (unsigned char)lx->src[*off];
	uint32_t w;

	if (c >= 0x80) {
		decode(lx, *off, &w);
		*off += w;
		return;
	}
	if (c == 0)
		lex_error(lx, *off, "illegal character NUL");
	(*off)++;
}

static int is_letter_ascii(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_dec(int c)
{
	return c >= '0' && c <= '9';
}

static int is_hex(int c)
{
	return is_dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int lower(int c)
{
	return c | 0x20;
}

static enum go_tok keyword(const char *s, uint32_t n)
{
#define KW(str, t) if (n == sizeof(str) - 1 && !memcmp(s, str, n)) return t
	if (n < 2 || n > 11 || s[0] < 'b' || s[0] > 'v')
		return GO_TOK_IDENT;
	switch (s[0]) {
	case 'b': KW("break", GO_TOK_BREAK); break;
	case 'c':
		KW("case", GO_TOK_CASE); KW("chan", GO_TOK_CHAN);
		KW("const", GO_TOK_CONST); KW("continue", GO_TOK_CONTINUE);
		break;
	case 'd':
		KW("default", GO_TOK_DEFAULT); KW("defer", GO_TOK_DEFER);
		break;
	case 'e': KW("else", GO_TOK_ELSE); break;
	case 'f':
		KW("fallthrough", GO_TOK_FALLTHROUGH); KW("for", GO_TOK_FOR);
		KW("func", GO_TOK_FUNC);
		break;
	case 'g': KW("go", GO_TOK_GO); KW("goto", GO_TOK_GOTO); break;
	case 'i':
		KW("if", GO_TOK_IF); KW("import", GO_TOK_IMPORT);
		KW("interface", GO_TOK_INTERFACE);
		break;
	case 'm': KW("map", GO_TOK_MAP); break;
	case 'p': KW("package", GO_TOK_PACKAGE); break;
	case 'r': KW("range", GO_TOK_RANGE); KW("return", GO_TOK_RETURN); break;
	case 's':
		KW("select", GO_TOK_SELECT); KW("struct", GO_TOK_STRUCT);
		KW("switch", GO_TOK_SWITCH);
		break;
	case 't': KW("type", GO_TOK_TYPE); break;
	case 'v': KW("var", GO_TOK_VAR); break;
	default: break;
	}
#undef KW
	return GO_TOK_IDENT;
}

/* ---- numbers ---- */

static const char *litname(int prefix)
{
	switch (prefix) {
	case 'x': return "hexadecimal literal";
	case 'o': case '0': return "octal literal";
	case 'b': return "binary literal";
	default: return "decimal literal";
	}
}

/* Digits of base (and '_'); returns bit 0 if a digit was seen, bit 1 if a
 * '_' was; *invalid is the first digit not valid in base (base <= 10). */
static int scan_digits(struct go_lexer *lx, uint32_t *off, int base,
		       int64_t *invalid)
{
	const char *s = lx->src;
	int ds = 0;

	if (base <= 10) {
		int max = '0' + base;
		while (*off < lx->len && (is_dec(s[*off]) || s[*off] == '_')) {
			if (s[*off] == '_')
				ds |= 2;
			else {
				ds |= 1;
				if (s[*off] >= max && invalid && *invalid < 0)
					*invalid = *off;
			}
			(*off)++;
		}
	} else {
		while (*off < lx->len && (is_hex(s[*off]) || s[*off] == '_')) {
			ds |= s[*off] == '_' ? 2 : 1;
			(*off)++;
		}
	}
	return ds;
}

/* Index of the first '_' in x[0..n) that does not separate digits, or -1. */
static int64_t invalid_sep(const char *x, uint32_t n)
{
	int x1 = ' ', d = '.';
	uint32_t i = 0;

	if (n >= 2 && x[0] == '0') {
		x1 = lower(x[1]);
		if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
			d = '0';
			i = 2;
		}
	}
	for (; i < n; i++) {
		int p = d;
		d = x[i];
		if (d == '_') {
			if (p != '0')
				return i;
		} else if (is_dec(d) || (x1 == 'x' && is_hex(d))) {
			d = '0';
		} else {
			if (p == '_')
				return (int64_t)i - 1;
			d = '.';
		}
	}
	if (d == '_')
		return (int64_t)n - 1;
	return -1;
}

static enum go_tok scan_number(struct go_lexer *lx, uint32_t start,
			       uint32_t *endp)
{
	const char *s = lx->src;
	uint32_t off = start;
	int base = 10, prefix = 0, ds = 0;
	int64_t invalid = -1;
	enum go_tok tok = GO_TOK_INT;

#define CH (off < lx->len ? (unsigned char)s[off] : -1)
	if (CH != '.') {
		if (CH == '0') {
			off++;
			switch (lower(CH)) {
			case 'x': off++; base = 16; prefix = 'x'; break;
			case 'o': off++; base = 8; prefix = 'o'; break;
			case 'b': off++; base = 2; prefix = 'b'; break;
			default: base = 8; prefix = '0'; ds = 1; break;
			}
		}
		ds |= scan_digits(lx, &off, base, &invalid);
	}
	if (CH == '.') {
		tok = GO_TOK_FLOAT;
		if (prefix == 'o' || prefix == 'b')
			lex_error(lx, off, "invalid radix point in %s",
				  litname(prefix));
		off++;
		ds |= scan_digits(lx, &off, base, &invalid);
	}
	if (!(ds & 1))
		lex_error(lx, off, "%s has no digits", litname(prefix));
	if (CH >= 0 && (lower(CH) == 'e' || lower(CH) == 'p')) {
		int e = lower(CH);
		if (e == 'e' && prefix != 0 && prefix != '0')
			lex_error(lx, off, "'%c' exponent requires decimal mantissa",
				  s[off]);
		else if (e == 'p' && prefix != 'x')
			lex_error(lx, off,
				  "'%c' exponent requires hexadecimal mantissa",
				  s[off]);
		off++;
		tok = GO_TOK_FLOAT;
		if (CH == '+' || CH == '-')
			off++;
		int eds = scan_digits(lx, &off, 10, NULL);
		ds |= eds;
		if (!(eds & 1))
			lex_error(lx, off, "exponent has no digits");
	} else if (prefix == 'x' && tok == GO_TOK_FLOAT) {
		lex_error(lx, off, "hexadecimal mantissa requires a 'p' exponent");
	}
	if (CH == 'i') {
		tok = GO_TOK_IMAG;
		off++;
	}
#undef CH
	if (tok == GO_TOK_INT && invalid >= 0)
		lex_error(lx, (uint32_t)invalid, "invalid digit '%c' in %s",
			  s[invalid], litname(prefix));
	if (ds & 2) {
		int64_t i = invalid_sep(s + start, off - start);
		if (i >= 0)
			lex_error(lx, start + (uint32_t)i,
				  "'_' must separate successive digits");
	}
	*endp = off;
	return tok;
}

/* ---- strings and runes ---- */

static int digit_val(int c)
{
	if (is_dec(c))
		return c - '0';
	if (lower(c) >= 'a' && lower(c) <= 'f')
		return lower(c) - 'a' + 10;
	return 16;
}

/* An escape after the backslash at *off - 1; returns 0 after an error. */
static int scan_escape(struct go_lexer *lx, uint32_t *off, int quote)
{
	const char *s = lx->src;
	uint32_t start = *off - 1;
	int n, base;
	uint32_t max, x = 0;
	int c = *off < lx->len ? (unsigned char)s[*off] : -1;

	switch (c) {
	case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v':
	case '\\':
		(*off)++;
		return 1;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6':
	case '7':
		n = 3; base = 8; max = 255;
		break;
	case 'x':
		(*off)++; n = 2; base = 16; max = 255;
		break;
	case 'u':
		(*off)++; n = 4; base = 16; max = 0x10FFFF;
		break;
	case 'U':
		(*off)++; n = 8; base = 16; max = 0x10FFFF;
		break;
	default:
		if (c == quote) {
			(*off)++;
			return 1;
		}
		lex_error(lx, start, c < 0 ? "escape sequence not terminated"
				       : "unknown escape sequence");
		return 0;
	}
	for (; n > 0; n--) {
		c = *off < lx->len ? (unsigned char)s[*off] : -1;
		int d = c < 0 ? 16 : digit_val(c);
		if (d >= base) {
			if (c < 0)
				lex_error(lx, *off, "escape sequence not terminated");
			else
				lex_error(lx, *off,
					  "illegal character in escape sequence");
			return 0;
		}
		x = x * (uint32_t)base + (uint32_t)d;
		(*off)++;
	}
	if (x > max || (x >= 0xD800 && x < 0xE000)) {
		lex_error(lx, start, "escape sequence is invalid Unicode code point");
		return 0;
	}
	return 1;
}

static void scan_string(struct go_lexer *lx, uint32_t start, uint32_t *endp)
{
	const char *s = lx->src;
	uint32_t off = start + 1;

	for (;;) {
		if (off >= lx->len || s[off] == '\n') {
			lex_error(lx, start, "string literal not terminated");
			break;
		}
		unsigned char c = (unsigned char)s[off];
		if (c == '"') {
			off++;
			break;
		}
		if (c == '\\') {
			off++;
			scan_escape(lx, &off, '"');
			continue;
		}
		check_byte(lx, &off);
	}
	*endp = off;
}

static int scan_raw_string(struct go_lexer *lx, uint32_t start,
			   uint32_t *endp)
{
	const char *s = lx->src;
	uint32_t off = start + 1;
	int has_cr = 0;

	for (;;) {
		if (off >= lx->len) {
			lex_error(lx, start, "raw string literal not terminated");
			break;
		}
		unsigned char c = (unsigned char)s[off];
		if (c == '`') {
			off++;
			break;
		}
		if (c == '\n')
			newline(lx, off);
		else if (c == '\r')
			has_cr = 1;
		check_byte(lx, &off);
	}
	*endp = off;
	return has_cr;
}

static void scan_rune(struct go_lexer *lx, uint32_t start, uint32_t *endp)
{
	const char *s = lx->src;
	uint32_t off = start + 1;
	int valid = 1, n = 0;

	for (;;) {
		if (off >= lx->len || s[off] == '\n') {
			if (valid) {
				lex_error(lx, start, "rune literal not terminated");
				valid = 0;
			}
			break;
		}
		unsigned char c = (unsigned char)s[off];
		if (c == '\'') {
			off++;
			break;
		}
		n++;
		if (c == '\\') {
			off++;
			if (!scan_escape(lx, &off, '\''))
				valid = 0;
			continue;
		}
		check_byte(lx, &off);
	}
	if (valid && n != 1)
		lex_error(lx, start, "illegal rune literal");
	*endp = off;
}

/* ---- comments ---- */

/* The comment starting at start (line or block comment); returns its end and
 * whether it contains '\r'. */
static int scan_comment(struct go_lexer *lx, uint32_t start, uint32_t *endp)
{
	const char *s = lx->src;
	uint32_t off = start + 2;
	int has_cr = 0;

	if (s[start + 1] == '/') {
		while (off < lx->len && s[off] != '\n') {
			if (s[off] == '\r')
				has_cr = 1;
			check_byte(lx, &off);
		}
		*endp = off;
		return has_cr;
	}
	for (;;) {
		if (off >= lx->len) {
			lex_error(lx, start, "comment not terminated");
			break;
		}
		unsigned char c = (unsigned char)s[off];
		if (c == '*' && off + 1 < lx->len && s[off + 1] == '/') {
			off += 2;
			break;
		}
		if (c == '\n')
			newline(lx, off);
		else if (c == '\r')
			has_cr = 1;
		check_byte(lx, &off);
	}
	*endp = off;
	return has_cr;
}

/* After a token that ends a statement, a comment starting at off (the
 * first '/') is replaced by a semicolon if the comments that follow reach
 * the end of the line (go/scanner's findLineEnd).  No state changes. */
static int comment_reaches_line_end(const struct go_lexer *lx, uint32_t off)
{
	const char *s = lx->src;

	while (off + 1 < lx->len && s[off] == '/' &&
	       (s[off + 1] == '/' || s[off + 1] == '*')) {
		if (s[off + 1] == '/')
			return 1;
		off += 2;
		for (;;) {
			if (off >= lx->len)
				return 1;
			if (s[off] == '\n')
				return 1;
			if (s[off] == '*' && off + 1 < lx->len && s[off + 1] == '/') {
				off += 2;
				break;
			}
			off++;
		}
		while (off < lx->len && (s[off] == ' ' || s[off] == '\t' ||
					 s[off] == '\r'))
			off++;
		if (off >= lx->len || s[off] == '\n')
			return 1;
	}
	return 0;
}

/* ---- the scanner ---- */

static void set_tok(struct go_lexer *lx, struct go_token *t, enum go_tok tok,
		    uint32_t start, uint32_t end)
{
	t->tok = tok;
	t->off = start;
	t->len = end - start;
	t->lit = lx->src + start;
	t->lit_len = end - start;
	t->line = lx->line;
	t->col = start - lx->line_off + 1;
	t->implicit = 0;
	t->has_cr = 0;
	lx->off = end;
}

static void semi_newline(struct go_lexer *lx, struct go_token *t, uint32_t at)
{
	t->tok = GO_TOK_SEMICOLON;
	t->off = at;
	t->len = 0;
	t->lit = "\n";
	t->lit_len = 1;
	t->line = lx->line;
	t->col = at - lx->line_off + 1;
	t->implicit = 1;
	t->has_cr = 0;
	lx->insert_semi = 0;
}

void go_lex_next(struct go_lexer *lx, struct go_token *t)
{
	const char *s = lx->src;
	uint32_t off, end;
	int insert = 0;
	unsigned char c;

again:
	off = lx->off;
	for (;;) {
		if (off >= lx->len)
			break;
		c = (unsigned char)s[off];
		if (c == ' ' || c == '\t' || c == '\r') {
			off++;
		} else if (c == '\n') {
			if (lx->insert_semi) {
				semi_newline(lx, t, off);
				lx->off = off + 1;
				newline(lx, off);
				return;
			}
			newline(lx, off);
			off++;
		} else {
			break;
		}
	}
	lx->off = off;
	if (off >= lx->len) {
		if (lx->insert_semi) {
			semi_newline(lx, t, off);
			return;
		}
		set_tok(lx, t, GO_TOK_EOF, off, off);
		t->lit_len = 0;
		return;
	}
	c = (unsigned char)s[off];
	if (is_letter_ascii(c) || c >= 0x80) {
		uint32_t w;
		end = off;
		if (c >= 0x80) {
			int32_t r = decode(lx, off, &w);
			if (!uni_letter(r)) {
				if (r >= 0 && !(r == 0xFEFF && off > 0))
					lex_error(lx, off,
						  "illegal character U+%04X", r);
				set_tok(lx, t, GO_TOK_ILLEGAL, off, off + w);
				return;
			}
			end += w;
		}
		for (;;) {
			if (end >= lx->len)
				break;
			c = (unsigned char)s[end];
			if (is_letter_ascii(c) || is_dec(c)) {
				end++;
			} else if (c >= 0x80) {
				int32_t r = decode(lx, end, &w);
				if (!uni_letter(r) && !uni_digit(r))
					break;
				end += w;
			} else {
				break;
			}
		}
		enum go_tok tok = keyword(s + off, end - off);
		set_tok(lx, t, tok, off, end);
		lx->insert_semi = tok == GO_TOK_IDENT || tok == GO_TOK_BREAK ||
			tok == GO_TOK_CONTINUE || tok == GO_TOK_FALLTHROUGH ||
			tok == GO_TOK_RETURN;
		return;
	}
	if (is_dec(c) || (c == '.' && off + 1 < lx->len && is_dec(s[off + 1]))) {
		enum go_tok tok = scan_number(lx, off, &end);
		set_tok(lx, t, tok, off, end);
		lx->insert_semi = 1;
		return;
	}

#define NEXT(i) (off + (i) < lx->len ? s[off + (i)] : 0)
	enum go_tok tok = GO_TOK_ILLEGAL;
	end = off + 1;
	switch (c) {
	case '"':
		scan_string(lx, off, &end);
		tok = GO_TOK_STRING;
		insert = 1;
		break;
	case '\'':
		scan_rune(lx, off, &end);
		tok = GO_TOK_CHAR;
		insert = 1;
		break;
	case '`': {
		uint32_t line = lx->line, line_off = lx->line_off;
		int cr = scan_raw_string(lx, off, &end);
		set_tok(lx, t, GO_TOK_STRING, off, end);
		t->line = line;
		t->col = off - line_off + 1;
		t->has_cr = cr;
		lx->insert_semi = 1;
		return;
	}
	case ':':
		if (NEXT(1) == '=') { tok = GO_TOK_DEFINE; end++; }
		else tok = GO_TOK_COLON;
		break;
	case '.':
		if (NEXT(1) == '.' && NEXT(2) == '.') { tok = GO_TOK_ELLIPSIS; end += 2; }
		else tok = GO_TOK_PERIOD;
		break;
	case ',': tok = GO_TOK_COMMA; break;
	case ';': tok = GO_TOK_SEMICOLON; break;
	case '(': tok = GO_TOK_LPAREN; break;
	case ')': tok = GO_TOK_RPAREN; insert = 1; break;
	case '[': tok = GO_TOK_LBRACK; break;
	case ']': tok = GO_TOK_RBRACK; insert = 1; break;
	case '{': tok = GO_TOK_LBRACE; break;
	case '}': tok = GO_TOK_RBRACE; insert = 1; break;
	case '+':
		if (NEXT(1) == '=') { tok = GO_TOK_ADD_ASSIGN; end++; }
		else if (NEXT(1) == '+') { tok = GO_TOK_INC; end++; insert = 1; }
		else tok = GO_TOK_ADD;
		break;
	case '-':
		if (NEXT(1) == '=') { tok = GO_TOK_SUB_ASSIGN; end++; }
		else if (NEXT(1) == '-') { tok = GO_TOK_DEC; end++; insert = 1; }
		else tok = GO_TOK_SUB;
		break;
	case '*':
		if (NEXT(1) == '=') { tok = GO_TOK_MUL_ASSIGN; end++; }
		else tok = GO_TOK_MUL;
		break;
	case '/':
		if (NEXT(1) == '/' || NEXT(1) == '*') {
			if (lx->insert_semi && comment_reaches_line_end(lx, off)) {
				semi_newline(lx, t, off);
				lx->off = off;
				return;
			}
			uint32_t line = lx->line, line_off = lx->line_off;
			int cr = scan_comment(lx, off, &end);
			lx->insert_semi = 0;
			if (!lx->keep_comments) {
				lx->off = end;
				goto again;
			}
			set_tok(lx, t, GO_TOK_COMMENT, off, end);
			t->line = line;
			t->col = off - line_off + 1;
			t->has_cr = cr;
			return;
		}
		if (NEXT(1) == '=') { tok = GO_TOK_QUO_ASSIGN; end++; }
		else tok = GO_TOK_QUO;
		break;
	case '%':
		if (NEXT(1) == '=') { tok = GO_TOK_REM_ASSIGN; end++; }
		else tok = GO_TOK_REM;
		break;
	case '^':
		if (NEXT(1) == '=') { tok = GO_TOK_XOR_ASSIGN; end++; }
		else tok = GO_TOK_XOR;
		break;
	case '<':
		if (NEXT(1) == '-') { tok = GO_TOK_ARROW; end++; }
		else if (NEXT(1) == '=') { tok = GO_TOK_LEQ; end++; }
		else if (NEXT(1) == '<') {
			if (NEXT(2) == '=') { tok = GO_TOK_SHL_ASSIGN; end += 2; }
			else { tok = GO_TOK_SHL; end++; }
		} else tok = GO_TOK_LSS;
		break;
	case '>':
		if (NEXT(1) == '=') { tok = GO_TOK_GEQ; end++; }
		else if (NEXT(1) == '>') {
			if (NEXT(2) == '=') { tok = GO_TOK_SHR_ASSIGN; end += 2; }
			else { tok = GO_TOK_SHR; end++; }
		} else tok = GO_TOK_GTR;
		break;
	case '=':
		if (NEXT(1) == '=') { tok = GO_TOK_EQL; end++; }
		else tok = GO_TOK_ASSIGN;
		break;
	case '!':
		if (NEXT(1) == '=') { tok = GO_TOK_NEQ; end++; }
		else tok = GO_TOK_NOT;
		break;
	case '&':
		if (NEXT(1) == '^') {
			if (NEXT(2) == '=') { tok = GO_TOK_AND_NOT_ASSIGN; end += 2; }
			else { tok = GO_TOK_AND_NOT; end++; }
		} else if (NEXT(1) == '=') { tok = GO_TOK_AND_ASSIGN; end++; }
		else if (NEXT(1) == '&') { tok = GO_TOK_LAND; end++; }
		else tok = GO_TOK_AND;
		break;
	case '|':
		if (NEXT(1) == '=') { tok = GO_TOK_OR_ASSIGN; end++; }
		else if (NEXT(1) == '|') { tok = GO_TOK_LOR; end++; }
		else tok = GO_TOK_OR;
		break;
	case '~': tok = GO_TOK_TILDE; break;
	default:
		if (c == 0)
			lex_error(lx, off, "illegal character NUL");
		else
			lex_error(lx, off, "illegal character U+%04X", c);
		insert = lx->insert_semi;
		break;
	}
#undef NEXT
	set_tok(lx, t, tok, off, end);
	lx->insert_semi = insert;
}

uint32_t go_lex_copy_lit(const struct go_token *t, char *dst)
{
	uint32_t n = 0, i;
	const char *s = t->lit;
	int comment = t->tok == GO_TOK_COMMENT && t->lit_len >= 2 &&
		s[1] == '*';
	uint32_t len = t->lit_len;

	if (!t->has_cr) {
		memcpy(dst, s, len);
		dst[len] = '\0';
		return len;
	}
	/* a //-comment ending in "\r\n" loses that final '\r' */
	for (i = 0; i < len; i++) {
		/* keep the '\r' of "*\r/" inside a block comment, which
		 * would otherwise close the comment early */
		if (s[i] != '\r' || (comment && n > 2 && dst[n - 1] == '*' &&
				     i + 1 < len && s[i + 1] == '/'))
			dst[n++] = s[i];
	}
	dst[n] = '\0';
	return n;
}
