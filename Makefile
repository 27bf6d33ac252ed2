# Qurb — the two commands a newcomer types are `make run` and `make test`.
# Everything else here is a convenience around meson and ninja.

BUILD      ?= build
SAN_BUILD  ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 180
DEMO_DIR   ?= demo
DEMO_DB    := $(DEMO_DIR)/qurb.db
MESON_TEST := meson test -C


DEB_DIR    ?= build-deb

.PHONY: all deps build run stop demo test unit-tests test-sanitize fuzz fuzz-build bench deb clean

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

SMSD_CONF  := $(DEMO_DIR)/qurb.conf
SMSD_PID   := $(DEMO_DIR)/qurb-smsd.pid
MODEM_DIR  := $(CURDIR)/$(DEMO_DIR)/qurb-demo-modem
QURBCTL    := $(BUILD)/qurbctl/qurbctl --db $(DEMO_DB)
INJECT     := $(BUILD)/smsd/qurb-sms-inject --device $(MODEM_DIR)

# The demo database, the SMS daemon on a simulated modem (Gammu's dummy
# driver) in the background, two texts "sent" to it, and the kiosk on the
# same database (a window, or a browser page through Broadway).
run: stop demo
	@mkdir -p $(MODEM_DIR) $(DEMO_DIR)/sent
	@printf '[database]\npath=%s\n[modem]\ndevice=%s\nconnection=none\nmodel=dummy\npoll-interval-ms=500\nsend-interval-ms=200\ncapture-dir=%s\n[sms]\nmax-replies-per-hour=10\nquiet-hours=21:30-08:00\n[agency]\ncode=LAA-01\nname=Laâyoune\nprovinces=Laâyoune,Boujdour,Tarfaya\n[kiosk]\nidle-seconds=60\nlanguage=ar\n' \
	  "$(CURDIR)/$(DEMO_DB)" "$(MODEM_DIR)" "$(CURDIR)/$(DEMO_DIR)/sent" > $(SMSD_CONF)
	@$(BUILD)/smsd/qurb-smsd --config $(SMSD_CONF) > $(DEMO_DIR)/qurb-smsd.log 2>&1 & echo $$! > $(SMSD_PID)
	@$(INJECT) --from 0612345678 "حالة"
	@$(INJECT) --from 0612345678 "caravane guelmim"
	@echo "qurb-smsd runs on a simulated modem (pid $$(cat $(SMSD_PID)), log $(DEMO_DIR)/qurb-smsd.log)."
	@echo 1234 | $(QURBCTL) staff-pin >/dev/null
	@./scripts/run-kiosk.sh $(BUILD) $(DEMO_DIR) $(DEMO_DB) $(SMSD_CONF)
	@sleep 3
	@echo
	@echo "Upcoming caravans (seats left):"
	@$(QURBCTL) caravans
	@echo
	@echo "Member 100001 (CIN AB123456, phone 0612345678):"
	@$(QURBCTL) member 100001
	@echo
	@echo "The SMS log, newest last (two texts from 0612345678 and their answers):"
	@$(QURBCTL) messages --last 6
	@echo
	@echo "Send the daemon a text and read the answer:"
	@echo "  $(INJECT) --from 0612345678 'RESERVER LAA3'"
	@echo "  $(QURBCTL) messages --last 2"
	@echo "Or ask without the modem:  $(QURBCTL) sms-simulate --from 0612345678 --json 'مواعيدي'"
	@echo "At the kiosk: member 100001, CIN AB123456."
	@echo "The staff console (PIN 1234): hold the mutual's name at the top of the kiosk for a second;"
	@echo "  or on a desk: $(BUILD)/kiosk/qurb-kiosk --db $(DEMO_DB) --staff"
	@echo "Stop the daemon and the kiosk with: make stop"

stop:
	@for pid in $(SMSD_PID) $(DEMO_DIR)/qurb-kiosk.pid $(DEMO_DIR)/broadwayd.pid; do \
	  if [ -f $$pid ]; then kill $$(cat $$pid) 2>/dev/null || true; rm -f $$pid; fi; \
	done

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
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
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

# The Debian package qurb, into $(DEB_DIR)/, then checked by lintian
# (errors fail; warnings are printed) and its contents listed against
# what an agency box needs (scripts/check-deb.sh).
deb: deps
	dpkg-checkbuilddeps
	@rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)
	debian/rules clean
	debian/rules build
	QURB_DEB_DESTDIR=$(CURDIR)/$(DEB_DIR) fakeroot debian/rules binary
	lintian --fail-on error --info $(DEB_DIR)/qurb_*.deb
	./scripts/check-deb.sh $(DEB_DIR)/qurb_*.deb
	debian/rules clean

clean: stop
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD) $(DEMO_DIR) $(DEB_DIR)
