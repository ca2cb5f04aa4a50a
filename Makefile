# leakhound build.  `make` builds build/leakhound; `make test` bootstraps,
# builds and runs every test; `make run` lints the bundled example.
#
# The default goal is the binary, whatever the module files included below
# define first.
.DEFAULT_GOAL := all

# Sources are found by wildcard: a new module or command is a new file, not a
# Makefile edit.  A module that needs build rules of its own (generated code)
# adds src/<module>/module.mk, which is included below.

CC      ?= cc
CLANG   ?= clang
VERSION := 0.1.0
WARN    := -Wall -Wextra -Wshadow -Wpedantic -Werror
CSTD    := -std=c11 -D_GNU_SOURCE
PKGS    := libdeflate libprotobuf-c libpcre2-8 libcurl sqlite3 jansson yaml-0.1 \
	   libmicrohttpd libgvc libedit
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
OPT     ?= -O2 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(PKG_CFLAGS) -DLEAKHOUND_VERSION='"$(VERSION)"' \
	-I$(B)/gen -Isrc $(EXTRA_CFLAGS)
# Graphviz's dot layout and SVG renderer are linked in as builtins (src/gv):
# no plugin search at run time, and no pango/fontconfig text layout, which
# leaks under LeakSanitizer and makes the layout depend on installed fonts.
GV_PLUGIN_DIR := $(shell pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz
GV_LIBS := -L$(GV_PLUGIN_DIR) -Wl,-rpath,$(GV_PLUGIN_DIR) -lgvplugin_dot_layout -lgvplugin_core
LDLIBS  = $(PKG_LIBS) $(GV_LIBS) -lpthread -lm

# Quiet by default: one short line per step; `make V=1` shows the commands.
ifeq ($(V),1)
Q :=
say := @true
else ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
Q := @
say := @true
else
Q := @
say := @printf '  %-6s %s\n'
endif

# Three flavours share the rules: normal, ASan+UBSan+LSan, libFuzzer.  B is
# set before the module files are included because their rules name $(B).
B   ?= build

SRCS     = $(sort $(wildcard src/*/*.c src/*/*/*.c))
GEN_SRCS :=
GEN_HEADERS :=
-include $(wildcard src/*/module.mk)
ALL_SRCS = $(SRCS) $(GEN_SRCS)

OBJS = $(patsubst %.c,$(B)/obj/%.o,$(ALL_SRCS))
LIB_OBJS = $(filter-out $(B)/obj/src/cli/main.o,$(OBJS))

.PHONY: all build asan fuzz fuzz-build test unit run bench bootstrap clean install deb
all: build
build: $(B)/leakhound

$(B)/obj/%.o: %.c | $(GEN_HEADERS)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(B)/libleakhound.a: $(LIB_OBJS)
	@rm -f $@
	$(say) AR $@
	$(Q)ar rcs $@ $^

$(B)/leakhound: $(B)/obj/src/cli/main.o $(B)/libleakhound.a
	$(say) LINK $@
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDFLAGS) $(LDLIBS)

# Unit tests: tests/unit/<name>.c, each its own program linked with the library.
UNIT_SRCS = $(wildcard tests/unit/*.c)
UNIT_BINS = $(patsubst tests/unit/%.c,$(B)/unit/%,$(UNIT_SRCS))
$(B)/unit/%: tests/unit/%.c $(B)/libleakhound.a
	@mkdir -p $(dir $@)
	$(say) LINK $@
	$(Q)$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(B)/libleakhound.a $(LDFLAGS) $(LDLIBS)
unit: $(UNIT_BINS)

bootstrap:
	@scripts/bootstrap

# `make test` is what CI runs: set up, build, run every suite once.
test: bootstrap
	@$(MAKE) --no-print-directory build unit fuzz-build
	@LEAKHOUND_BUILD=$(CURDIR)/$(B) tests/run $(SUITES)

# The same suites against an ASan+UBSan+LSan build.  Sanitizer reports exit
# with 86/87, which no golden case expects, so a leak or UB fails its test.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
asan: bootstrap
	@$(MAKE) --no-print-directory B=build-asan OPT="$(ASAN_FLAGS)" \
		LDFLAGS="-fsanitize=address,undefined" build unit
	@$(MAKE) --no-print-directory fuzz-build
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86 \
	 LSAN_OPTIONS=exitcode=86 \
	 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87 \
	 LEAKHOUND_BUILD=$(CURDIR)/build-asan LEAKHOUND_SANITIZED=1 tests/run $(SUITES)

# libFuzzer targets: tests/fuzz/fuzz_<name>.c; corpus in tests/fuzz/corpus/<name>/.
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined \
	-Wno-unused-command-line-argument
FUZZ_SECONDS ?= 60
fuzz-build:
	@if [ -n "$(FUZZ_SRCS)" ]; then \
	  $(MAKE) --no-print-directory B=build-fuzz CC=$(CLANG) OPT="$(FUZZ_FLAGS)" \
		fuzz-bins; fi
FUZZ_BINS = $(patsubst tests/fuzz/%.c,$(B)/fuzz/%,$(FUZZ_SRCS))
fuzz-bins: $(FUZZ_BINS)
$(B)/fuzz/%: tests/fuzz/%.c $(B)/libleakhound.a
	@mkdir -p $(dir $@)
	$(say) LINK $@
	$(Q)$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer -o $@ $< $(B)/libleakhound.a $(LDLIBS)
fuzz: bootstrap fuzz-build
	@for f in build-fuzz/fuzz/fuzz_*; do \
	  n=$$(basename $$f); n=$${n#fuzz_}; mkdir -p tests/fuzz/corpus/$$n build-fuzz/found/$$n; \
	  echo "fuzzing $$n for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build-fuzz/found/$$n/ \
	     build-fuzz/found/$$n tests/fuzz/corpus/$$n || exit 1; \
	done

run: bootstrap
	@$(MAKE) --no-print-directory build
	@scripts/run-example

bench: bootstrap
	@$(MAKE) --no-print-directory build
	@for b in bench/*/run; do echo "== $$b"; $$b || exit 1; done

# make install PREFIX=/usr/local DESTDIR=...: the binary, its man page and
# bash, zsh and fish completions, the last three generated from the help text.
PREFIX  ?= /usr/local
DESTDIR ?=
$(B)/share/leakhound.1: $(B)/leakhound scripts/gen-install-files
	$(say) GEN $(B)/share
	$(Q)python3 scripts/gen-install-files $(B)/leakhound $(B)/share

install: $(B)/leakhound $(B)/share/leakhound.1
	install -Dm755 $(B)/leakhound $(DESTDIR)$(PREFIX)/bin/leakhound
	install -Dm644 $(B)/share/leakhound.1 $(DESTDIR)$(PREFIX)/share/man/man1/leakhound.1
	install -Dm644 $(B)/share/leakhound.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/leakhound
	install -Dm644 $(B)/share/_leakhound $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_leakhound
	install -Dm644 $(B)/share/leakhound.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/leakhound.fish

# make deb: build/leakhound_VERSION_ARCH.deb with dpkg-deb (installs under /usr).
DEB_ARCH := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB      := $(B)/leakhound_$(VERSION)_$(DEB_ARCH).deb
deb: $(DEB)
$(DEB): $(B)/leakhound $(B)/share/leakhound.1 scripts/deb-control
	@rm -rf $(B)/deb-root
	$(Q)$(MAKE) --no-print-directory install PREFIX=/usr DESTDIR=$(CURDIR)/$(B)/deb-root >/dev/null
	$(Q)gzip -9n $(B)/deb-root/usr/share/man/man1/leakhound.1
	$(Q)mkdir -p $(B)/deb-root/DEBIAN
	$(Q)scripts/deb-control $(VERSION) $(DEB_ARCH) $(B)/deb-root > $(B)/deb-root/DEBIAN/control
	$(say) DEB $@
	$(Q)dpkg-deb --root-owner-group --build $(B)/deb-root $@ >/dev/null

clean:
	rm -rf build build-asan build-fuzz

-include $(OBJS:.o=.d)
