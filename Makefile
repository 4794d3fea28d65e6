# hclc - one non-recursive Makefile. Objects go under build/ (build/san for
# `make sanitize`, build/fuzz for `make fuzz`); libraries come from pkg-config.
#
#   make            build ./hclc
#   make demo       build, then run hclc on a sample
#   make check      unit tests, golden cases, tests/lang.test and samples (BLESS=1 rewrites
#                   expectations; T=SUBSTRING runs only the matching cases)
#   make sanitize   the same suite under AddressSanitizer + UBSan + LeakSanitizer
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS each
#   make e2e        the output checked by real clients (aws cli 1 and 2, moto,
#                   cfn-lint) and the editor grammars (vscode-textmate, vim);
#                   names what is missing and fails without them
#   make editors-test  the editor grammars alone
#   make install    PREFIX=/usr/local DESTDIR=
#   make docs       regenerate docs/ecs.md from grammar/ecs-schema.txt

CC       ?= cc
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/hclc
MANDIR   ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
B        ?= build
FUZZ_SECONDS ?= 60

PKGS     := libcjson libpcre2-8 yaml-0.1 cmocka
DEB_PKGS := pkg-config libcjson-dev libpcre2-dev libyaml-dev libcmocka-dev

WARN   := -Wall -Wextra -Werror -Wpedantic -Wshadow -Wstrict-prototypes \
          -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wundef -Wcast-qual
OPT    ?= -O2
# Recursively expanded, so pkg-config runs only after the deps check.
PKG_CFLAGS = $(shell pkg-config --cflags libcjson libpcre2-8 yaml-0.1)
PKG_LIBS   = $(shell pkg-config --libs libcjson libpcre2-8 yaml-0.1) -lm
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka)
# Where an installed hclc finds the templates named "hclc:NAME".
TEMPLATE_DEFS = -DHCLC_TEMPLATE_DIR='"$(DATADIR)/templates"'
CFLAGS_ALL = -std=c11 $(WARN) $(OPT) -D_XOPEN_SOURCE=700 $(TEMPLATE_DEFS) $(PKG_CFLAGS) $(EXTRA_CFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(EXTRA_LDFLAGS) $(LDFLAGS)
# hclc starts once per file when users import or validate many: packed
# relative relocations (DT_RELR, binutils 2.38 and glibc 2.36 on) take a
# tenth off its start-up. Used only where the linker takes the option.
RELR_LDFLAG := $(shell printf 'int main(void){return 0;}' | $(CC) -x c - -o /dev/null \
                 -Wl,-z,pack-relative-relocs -Wl,--fatal-warnings 2>/dev/null && \
                 echo -Wl,-z,pack-relative-relocs)

LIB_SRC  := $(filter-out compiler/main.c,$(wildcard compiler/*.c compiler/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o)
# The ECS schema tables are C generated from grammar/ecs-schema.txt (awk).
SCHEMA_C := $(B)/gen/ecs_schema.c
LIB_OBJ  += $(B)/gen/ecs_schema.o
# The text of `hclc explain` is C generated from docs/diagnostics.md (awk).
DIAG_DOCS_C := $(B)/gen/diag_docs.c
LIB_OBJ  += $(B)/gen/diag_docs.o
MAIN_OBJ := $(B)/compiler/main.o
FORMAT_FILES = $(wildcard compiler/*.[ch] compiler/*/*.[ch] tests/unit/*.c tests/fuzz/*.c \
                 tests/lang/*.c tests/bench/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
# The runner of tests/lang.test (tests/checks/lang.sh runs it).
LANG_BIN := $(B)/tests/lang_test
# The fuzz targets without libFuzzer, replaying tests/fuzz/regress/TARGET/
# (tests/checks/fuzz-regress.sh runs them).
REPLAY_BIN := $(patsubst tests/fuzz/%.c,$(B)/tests/replay_%,$(wildcard tests/fuzz/fuzz_*.c))
LIB      := $(B)/libhclc.a
HCLC_BIN := $(if $(filter build,$(B)),hclc,$(B)/hclc)

.PHONY: all demo check sanitize fuzz bench bench-check install clean format format-check deps \
        unit-bins e2e \
        docs editors-test
.DEFAULT_GOAL := all

all: $(HCLC_BIN)

# --- dependencies ---------------------------------------------------------
$(B)/.deps-ok:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then \
	    echo "hclc: installing missing libraries ($$missing) with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PKGS) >/dev/null || exit 1; \
	  else \
	    echo "hclc: missing libraries:$$missing"; \
	    echo "run: sudo apt-get install -y $(DEB_PKGS)"; exit 1; \
	  fi; \
	fi
	@mkdir -p $(@D) && touch $@

deps: $(B)/.deps-ok

# --- build ----------------------------------------------------------------
$(B)/%.o: %.c | $(B)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Icompiler -MMD -MP -c $< -o $@

$(SCHEMA_C): grammar/ecs-schema.txt grammar/ecs-schema.awk
	@mkdir -p $(@D)
	awk -f grammar/ecs-schema.awk grammar/ecs-schema.txt > $@.tmp && mv $@.tmp $@

$(B)/gen/ecs_schema.o: $(SCHEMA_C) | $(B)/.deps-ok
	$(CC) $(CFLAGS_ALL) -Icompiler -MMD -MP -c $< -o $@

# The positions of the exported shapes' members, named for the C code: the
# header is committed (a fresh checkout compiles without it being made) and
# rewritten whenever the schema changes.
compiler/ecs/schema_slots.h: grammar/ecs-schema.txt grammar/ecs-schema.awk
	awk -v slots=1 -f grammar/ecs-schema.awk grammar/ecs-schema.txt > $@.tmp && mv $@.tmp $@

$(filter $(B)/compiler/ecs/%,$(LIB_OBJ)): compiler/ecs/schema_slots.h

$(DIAG_DOCS_C): docs/diagnostics.md docs/diagnostics.awk
	@mkdir -p $(@D)
	awk -f docs/diagnostics.awk docs/diagnostics.md > $@.tmp && mv $@.tmp $@

$(B)/gen/diag_docs.o: $(DIAG_DOCS_C) | $(B)/.deps-ok
	$(CC) $(CFLAGS_ALL) -Icompiler -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(HCLC_BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(PKG_LIBS) $(RELR_LDFLAG) $(LDFLAGS_ALL)

$(B)/tests/%: tests/unit/%.c $(LIB) | $(B)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(CMOCKA_CFLAGS) -Icompiler -MMD -MP -o $@ $< $(LIB) $(CMOCKA_LIBS) $(PKG_LIBS) $(LDFLAGS_ALL)

$(LANG_BIN): tests/lang/lang_test.c $(LIB) | $(B)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Icompiler -MMD -MP -o $@ $< $(LIB) $(PKG_LIBS) $(LDFLAGS_ALL)

$(B)/tests/replay_%: tests/fuzz/%.c tests/fuzz/replay.c $(LIB) | $(B)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Icompiler -o $@ tests/fuzz/$*.c tests/fuzz/replay.c $(LIB) $(PKG_LIBS) $(LDFLAGS_ALL)

unit-bins: $(UNIT_BIN) $(LANG_BIN) $(REPLAY_BIN)

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_BIN:=.d) $(LANG_BIN).d

# --- use ------------------------------------------------------------------
demo: $(HCLC_BIN)
	./$(HCLC_BIN) build samples/datagrail-agent -w prod

check: $(HCLC_BIN) unit-bins
	@HCLC="$(abspath $(HCLC_BIN))" UNIT_DIR="$(abspath $(B)/tests)" BLESS="$(BLESS)" \
	  bash tests/run-tests.sh $(T)

# Real clients: tests/e2e/run.sh says what it needs and how to install it.
e2e: $(HCLC_BIN)
	@HCLC="$(abspath $(HCLC_BIN))" bash tests/e2e/run.sh
	@HCLC="$(abspath $(HCLC_BIN))" bash tests/editors/run.sh

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
sanitize:
	@$(MAKE) --no-print-directory B=build/san OPT="$(SAN_FLAGS)" \
	  EXTRA_CFLAGS=-DHCLC_ARENA_DEBUG EXTRA_LDFLAGS="-fsanitize=address,undefined" \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 check

FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz:
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang \
	  OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" build/fuzz/libhclc.a
	@set -e; for t in $(FUZZ_TARGETS); do \
	  clang -std=c11 $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined -D_XOPEN_SOURCE=700 \
	    -Icompiler $(PKG_CFLAGS) \
	    tests/fuzz/$$t.c build/fuzz/libhclc.a $(PKG_LIBS) -o build/fuzz/$$t; \
	  mkdir -p build/fuzz/corpus-$$t; \
	  bash tests/fuzz/seed.sh build/fuzz/corpus-$$t; \
	  cp tests/fuzz/regress/$$t/* build/fuzz/corpus-$$t/ 2>/dev/null || true; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
	  status=0; build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -rss_limit_mb=4096 -artifact_prefix=build/fuzz/$$t- build/fuzz/corpus-$$t || status=$$?; \
	  bash tests/fuzz/keep.sh $$t; \
	  [ $$status = 0 ] || exit $$status; \
	done

# hclc against the floors (cJSON, libyaml, a bare C program) and Jsonnet on
# generated projects of growing size, path by path (tests/bench/run.sh).
# BENCH_SIZES="10 100" picks the sizes. bench-check: instruction counts at
# fast sizes against tests/bench/baseline.txt (tests/bench/check.sh).
BENCH_CFLAGS = -std=c11 $(WARN) -O2 $(PKG_CFLAGS)
BENCH_TOOLS = $(B)/bench/cjson_floor $(B)/bench/yaml_floor $(B)/bench/startup_floor $(B)/bench/measure \
  $(B)/bench/each $(B)/bench/lsp_bench
BENCH_ENV = HCLC="$(abspath $(HCLC_BIN))" BENCH_TOOLS="$(abspath $(B)/bench)" \
  BENCH_DIR="$(abspath $(B)/bench)"
$(B)/bench/cjson_floor $(B)/bench/yaml_floor $(B)/bench/startup_floor: $(B)/bench/%: tests/bench/%.c | $(B)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $< $(PKG_LIBS)
$(B)/bench/measure $(B)/bench/each: $(B)/bench/%: tests/bench/%.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $<
# hclc lsp: didChange -> publishDiagnostics on about 1,000 lines, memory over
# LSP_EDITS edits (tests/bench/lsp_bench.c).
LSP_EDITS ?= 10000
$(B)/bench/lsp_bench: tests/bench/lsp_bench.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -D_XOPEN_SOURCE=700 -o $@ $<
bench: $(HCLC_BIN) $(BENCH_TOOLS) $(B)/bench/lsp_bench
	@$(BENCH_ENV) BENCH_SIZES="$(BENCH_SIZES)" bash tests/bench/run.sh
	@mkdir -p $(B)/bench/lsp && $(B)/bench/lsp_bench "$(abspath $(HCLC_BIN))" \
	  "$(abspath $(B)/bench/lsp)" $(LSP_EDITS)
bench-check: $(HCLC_BIN) $(BENCH_TOOLS)
	@$(BENCH_ENV) BENCH_UPDATE="$(BENCH_UPDATE)" bash tests/bench/check.sh

# grammar/editors/ in the real engines: vscode-textmate (npm ci in
# tests/editors) and vim headless.
editors-test: $(HCLC_BIN)
	@HCLC="$(abspath $(HCLC_BIN))" bash tests/editors/run.sh

# The binary, the templates, the man page, the bash and zsh completions and
# docs/diagnostics.md (hclc lsp links each diagnostic to its entry).
install: $(HCLC_BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(HCLC_BIN) $(DESTDIR)$(BINDIR)/hclc
	cp -R templates/. $(DESTDIR)$(DATADIR)/templates/
	install -m 644 man/hclc.1 $(DESTDIR)$(MANDIR)/man1/hclc.1
	install -m 644 completions/hclc.bash $(DESTDIR)$(BASHCOMPDIR)/hclc
	install -m 644 completions/_hclc $(DESTDIR)$(ZSHCOMPDIR)/_hclc
	install -d $(DESTDIR)$(DATADIR)/docs
	install -m 644 docs/diagnostics.md $(DESTDIR)$(DATADIR)/docs/diagnostics.md

# docs/ecs.md is committed; tests/checks/ecs-docs.sh fails when it is stale.
ECS_DOCS_IN := grammar/ecs-schema.txt compiler/base/diag_codes.h
docs: docs/ecs.md
docs/ecs.md: grammar/ecs-docs.awk $(ECS_DOCS_IN)
	awk -f grammar/ecs-docs.awk $(ECS_DOCS_IN) > $@.tmp && mv $@.tmp $@

format:
	clang-format -i $(FORMAT_FILES)

# What CI checks: every C file in the layout of .clang-format.
format-check:
	clang-format --dry-run -Werror $(FORMAT_FILES)

clean:
	rm -rf build hclc
