# Qurb — the two commands a newcomer types are `make run` and `make test`.
# Everything else here is a convenience around meson and ninja.

BUILD      ?= build
SAN_BUILD  ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 180
DEMO_DIR   ?= demo
DEMO_DB    := $(DEMO_DIR)/qurb.db
MESON_TEST := meson test -C

export QURB_LOCALEDIR := $(CURDIR)/$(BUILD)/locale

.PHONY: all deps build run demo test unit-tests test-sanitize fuzz fuzz-build bench clean

all: build

deps:
	@./scripts/deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

# A fresh demo database every time, so its caravans are always ahead.
demo: build
	@mkdir -p $(DEMO_DIR)
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BUILD)/qurbctl/qurbctl --db $(DEMO_DB) demo

run: demo
	@echo
	@echo "Upcoming caravans (seats left):"
	@$(BUILD)/qurbctl/qurbctl --db $(DEMO_DB) caravans
	@echo
	@echo "Member 100001 (CIN AB123456, phone 0612345678):"
	@$(BUILD)/qurbctl/qurbctl --db $(DEMO_DB) member 100001
	@echo
	@echo "Notices waiting in the outbox (newest 5):"
	@$(BUILD)/qurbctl/qurbctl --db $(DEMO_DB) messages --last 5
	@echo
	@echo "The demo database is $(DEMO_DB). Try, for example:"
	@echo "  export QURB_DB=$(DEMO_DB) QURB_LOCALEDIR=$(QURB_LOCALEDIR)"
	@echo "  $(BUILD)/qurbctl/qurbctl book 100001 LAA3"
	@echo "  LANGUAGE=ar $(BUILD)/qurbctl/qurbctl member 100001"
	@echo "  $(BUILD)/qurbctl/qurbctl --help"

test: unit-tests
	$(MAKE) fuzz FUZZ_SECONDS=15

unit-tests: build
	$(MESON_TEST) $(BUILD) --print-errorlogs

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: deps
	@[ -f $(SAN_BUILD)/build.ninja ] || \
	  meson setup $(SAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
	ninja -C $(SAN_BUILD)
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  $(MESON_TEST) $(SAN_BUILD) --print-errorlogs --timeout-multiplier 3

# libFuzzer on the SMS language and the CSV reader, from the corpus seeds;
# new inputs it finds stay in $(FUZZ_BUILD), not in the tree.
fuzz-build: deps
	@[ -f $(FUZZ_BUILD)/build.ninja ] || CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true \
	  -Dtests=false -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
	ninja -C $(FUZZ_BUILD)

fuzz: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/corpus-sms $(FUZZ_BUILD)/corpus-csv
	@cp -n fuzz/corpus-sms/* $(FUZZ_BUILD)/corpus-sms/
	@cp -n tests/corpus/*.csv $(FUZZ_BUILD)/corpus-csv/
	$(FUZZ_BUILD)/fuzz/fuzz-sms -max_total_time=$(FUZZ_SECONDS) -max_len=640 -timeout=5 \
	  -print_final_stats=1 $(FUZZ_BUILD)/corpus-sms
	$(FUZZ_BUILD)/fuzz/fuzz-csv -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=5 \
	  -print_final_stats=1 $(FUZZ_BUILD)/corpus-csv

bench: build
	./bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD) $(DEMO_DIR)
