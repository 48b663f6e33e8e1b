#!/bin/sh
# Memory running out never ends the process: under an address-space cap, a request
# that needs more answers the fixed internal.error (CLI exit 2), NULL from the C
# library, which then goes on answering. Usage: exhaustion.sh BUILD_DIR
set -eu
build=$1
cap=$((256 * 1024 * 1024))
request=$(mktemp)
trap 'rm -f "$request"' EXIT
python3 - "$request" <<'PY'
import json, sys
t = {"category": "college_graduate", "start": "2023-09-01", "end": "2024-03-31", "insurance_premium": 100}
request = {"kind": "subsidy", "policy": "jiangxi-2023", "place": "南昌市东湖区", "trainees": [t] * 100000}
open(sys.argv[1], "w").write(json.dumps(request))
PY

status=0
out=$(prlimit --as=$cap "$build/jianxi" "$request") || status=$?
if [ "$status" != 2 ]; then echo "CLI exit $status, expected 2"; exit 1; fi
case $out in
  *'"code":"internal.error"'*) ;;
  *) echo "CLI answered: $(printf '%s' "$out" | head -c 300)"; exit 1 ;;
esac

prlimit --as=$cap python3 - "$build/libjianxi.so" "$request" <<'PY'
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
lib.jianxi_evaluate.restype = ctypes.c_void_p
lib.jianxi_evaluate.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)]
lib.jianxi_free.argtypes = [ctypes.c_void_p]
request = open(sys.argv[2], "rb").read()
n = ctypes.c_size_t(0)
assert lib.jianxi_evaluate(request, len(request), ctypes.byref(n)) is None, "expected NULL"
small = b'{"kind":"policies"}'
out = lib.jianxi_evaluate(small, len(small), ctypes.byref(n))
assert out and n.value > 0, "the library no longer answers"
lib.jianxi_free(out)
PY
echo "exhaustion: the CLI exits 2 with internal.error; the library returns NULL, then answers"
