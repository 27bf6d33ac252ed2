#!/bin/sh
# Runs a test on a session bus of its own, where the accessibility bus
# starts on demand, under a virtual X server. Only the test writes to
# standard output (its TAP); the bus daemons' chatter goes to stderr.
exec 3>&1 1>&2
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1920x24" sh -c 'exec "$@" >&3 3>&-' sh "$@"
