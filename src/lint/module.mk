# lint: embed docs/rules/*.md into the binary (leakhound rules --explain).
# B is normally set after the module files are read; give it its default
# here so the target name below is right (a command-line B= still wins).
B ?= build
LINT_DOCS := $(sort $(wildcard docs/rules/*.md))
GEN_HEADERS += $(B)/gen/lint_docs.h
$(B)/gen/lint_docs.h: $(LINT_DOCS) src/lint/embed-docs.sh
	@mkdir -p $(dir $@)
	$(say) GEN $@
	$(Q)src/lint/embed-docs.sh $(LINT_DOCS) > $@.tmp && mv $@.tmp $@
