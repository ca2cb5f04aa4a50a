/*
 * lex: the Go lexer (tokens, automatic semicolon insertion, comments).
 *
 * The lexer works on a whole file in memory and hands out one token at a
 * time; it never allocates.  A token's literal text is a slice of the
 * source (start offset and length); the parser copies what it keeps into
 * the file's arena.  Positions are byte offsets; lines and columns follow
 * go/token (1-based, the column counts bytes, not runes).  Automatic
 * semicolons are SEMICOLON tokens whose literal is "\n" (lit_len 1 and
 * `implicit` set), placed where go/scanner places them: at the newline, at
 * the start of a comment that runs to the end of the line, or at EOF.
 */
#ifndef GO_LEX_H
#define GO_LEX_H

#include <stddef.h>
#include <stdint.h>

/* The tokens of go/token, in the same order of families. */
enum go_tok {
	GO_TOK_ILLEGAL,
	GO_TOK_EOF,
	GO_TOK_COMMENT,

	GO_TOK_IDENT,
	GO_TOK_INT,
	GO_TOK_FLOAT,
	GO_TOK_IMAG,
	GO_TOK_CHAR,
	GO_TOK_STRING,

	GO_TOK_ADD,     /* + */
	GO_TOK_SUB,     /* - */
	GO_TOK_MUL,     /* * */
	GO_TOK_QUO,     /* / */
	GO_TOK_REM,     /* % */
	GO_TOK_AND,     /* & */
	GO_TOK_OR,      /* | */
	GO_TOK_XOR,     /* ^ */
	GO_TOK_SHL,     /* << */
	GO_TOK_SHR,     /* >> */
	GO_TOK_AND_NOT, /* &^ */

	GO_TOK_ADD_ASSIGN,     /* += */
	GO_TOK_SUB_ASSIGN,     /* -= */
	GO_TOK_MUL_ASSIGN,     /* *= */
	GO_TOK_QUO_ASSIGN,     /* /= */
	GO_TOK_REM_ASSIGN,     /* %= */
	GO_TOK_AND_ASSIGN,     /* &= */
	GO_TOK_OR_ASSIGN,      /* |= */
	GO_TOK_XOR_ASSIGN,     /* ^= */
	GO_TOK_SHL_ASSIGN,     /* <<= */
	GO_TOK_SHR_ASSIGN,     /* >>= */
	GO_TOK_AND_NOT_ASSIGN, /* &^= */

	GO_TOK_LAND,  /* && */
	GO_TOK_LOR,   /* || */
	GO_TOK_ARROW, /* <- */
	GO_TOK_INC,   /* ++ */
	GO_TOK_DEC,   /* -- */

	GO_TOK_EQL,    /* == */
	GO_TOK_LSS,    /* < */
	GO_TOK_GTR,    /* > */
	GO_TOK_ASSIGN, /* = */
	GO_TOK_NOT,    /* ! */

	GO_TOK_NEQ,      /* != */
	GO_TOK_LEQ,      /* <= */
	GO_TOK_GEQ,      /* >= */
	GO_TOK_DEFINE,   /* := */
	GO_TOK_ELLIPSIS, /* ... */

	GO_TOK_LPAREN, /* ( */
	GO_TOK_LBRACK, /* [ */
	GO_TOK_LBRACE, /* { */
	GO_TOK_COMMA,  /* , */
	GO_TOK_PERIOD, /* . */

	GO_TOK_RPAREN,    /* ) */
	GO_TOK_RBRACK,    /* ] */
	GO_TOK_RBRACE,    /* } */
	GO_TOK_SEMICOLON, /* ; */
	GO_TOK_COLON,     /* : */
	GO_TOK_TILDE,     /* ~ */

	GO_TOK_BREAK,
	GO_TOK_CASE,
	GO_TOK_CHAN,
	GO_TOK_CONST,
	GO_TOK_CONTINUE,
	GO_TOK_DEFAULT,
	GO_TOK_DEFER,
	GO_TOK_ELSE,
	GO_TOK_FALLTHROUGH,
	GO_TOK_FOR,
	GO_TOK_FUNC,
	GO_TOK_GO,
	GO_TOK_GOTO,
	GO_TOK_IF,
	GO_TOK_IMPORT,
	GO_TOK_INTERFACE,
	GO_TOK_MAP,
	GO_TOK_PACKAGE,
	GO_TOK_RANGE,
	GO_TOK_RETURN,
	GO_TOK_SELECT,
	GO_TOK_STRUCT,
	GO_TOK_SWITCH,
	GO_TOK_TYPE,
	GO_TOK_VAR,

	GO_TOK_COUNT
};

/* The token's spelling as go/token's Token.String() gives it ("+", "func",
 * "IDENT", "EOF").  Static storage. */
const char *go_tok_str(enum go_tok t);

/* Binary operator precedence as in go/token (0 for non-operators). */
int go_tok_precedence(enum go_tok t);

/* One scanned token.  lit/lit_len is the token text inside the source (for
 * SEMICOLON: ";" or, when inserted, "\n").  For raw strings and comments
 * the text may contain '\r' bytes, which go/scanner strips; go_lex_copy_lit
 * does the same. */
struct go_token {
	enum go_tok tok;
	uint32_t off;        /* byte offset of the first byte */
	uint32_t len;        /* source bytes covered */
	const char *lit;     /* == src + off, except an inserted semicolon */
	uint32_t lit_len;
	uint32_t line, col;  /* of off */
	unsigned implicit:1; /* inserted semicolon */
	unsigned has_cr:1;   /* raw string or comment containing '\r' */
};

/* Lexer state.  src must stay valid while the lexer is used.  Errors
 * (invalid characters, unterminated literals, malformed numbers) are kept:
 * the first one is in err_* and later ones are ignored; the token is still
 * produced so the parser decides what to report. */
struct go_lexer {
	const char *src;
	uint32_t len;
	uint32_t off;       /* next unread byte */
	uint32_t line;      /* line of off */
	uint32_t line_off;  /* offset of the first byte of the current line */
	int insert_semi;    /* a newline here would end a statement */
	int keep_comments;  /* return COMMENT tokens (else skip them) */
	/* the first lexical error, if any */
	int err_set;
	uint32_t err_off, err_line, err_col;
	char err_msg[128];
	/* line start offsets, appended as lines are met: line n starts at
	 * lines[n-1]; owned by the caller through go_lex_init's buffer */
	uint32_t *lines;
	uint32_t nlines;
	size_t lines_cap;
};

/* Start lexing src[0..len).  Line starts are collected in a heap array
 * that go_lex_release frees (or the caller takes over by zeroing
 * lx->lines).  A leading UTF-8 BOM is skipped like go/scanner does. */
void go_lex_init(struct go_lexer *lx, const char *src, size_t len,
		 int keep_comments);
void go_lex_release(struct go_lexer *lx);

/* Scan the next token into *t. */
void go_lex_next(struct go_lexer *lx, struct go_token *t);

/* Whether go/parser allows the non-ASCII code point r in an import path
 * (unicode.IsGraphic, not unicode.IsSpace, not U+FFFD). */
int go_import_path_rune_ok(int32_t r);

/* Copy a literal into dst (at least lit_len + 1 bytes), dropping '\r' like
 * go/scanner does for raw strings and comments; returns the new length. */
uint32_t go_lex_copy_lit(const struct go_token *t, char *dst);

#endif
