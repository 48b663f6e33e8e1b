#!/usr/bin/env python3
"""libjianxi through ctypes: every case file gives the CLI's bytes (without its final
line end) and the CLI's verdict on malformed requests; hostile input gives a result;
answers from several threads at once are the same. Standard library only.

usage: test_libjianxi.py BUILD_DIR CASES_DIR
"""
import ctypes
import json
import pathlib
import subprocess
import sys
import unittest
from concurrent.futures import ThreadPoolExecutor

BUILD = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build/native")
CASES = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "tests/cases")

lib = ctypes.CDLL(str(BUILD / "libjianxi.so"))
lib.jianxi_evaluate.restype = ctypes.c_void_p  # a pointer to free, not a copied string
lib.jianxi_evaluate.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)]
lib.jianxi_evaluate_ex.restype = ctypes.c_void_p
lib.jianxi_evaluate_ex.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t),
                                   ctypes.POINTER(ctypes.c_int)]
lib.jianxi_free.argtypes = [ctypes.c_void_p]
lib.jianxi_free.restype = None
lib.jianxi_version.restype = ctypes.c_char_p


def evaluate(request: bytes):
    """Returns (result bytes, malformed flag)."""
    out_len = ctypes.c_size_t(12345)
    malformed = ctypes.c_int(-1)
    ptr = lib.jianxi_evaluate_ex(request, len(request), ctypes.byref(out_len), ctypes.byref(malformed))
    assert ptr, "jianxi_evaluate_ex returned NULL"
    try:
        return ctypes.string_at(ptr, out_len.value), bool(malformed.value)
    finally:
        lib.jianxi_free(ptr)


def cli(request: bytes):
    done = subprocess.run([str(BUILD / "jianxi")], input=request, capture_output=True, check=False)
    assert done.returncode in (0, 2), done.stderr
    assert done.stdout.endswith(b"\n")
    return done.stdout[:-1], done.returncode == 2


def case_requests():
    for path in sorted(CASES.rglob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        request = case["request"]
        text = request if isinstance(request, str) else json.dumps(request, ensure_ascii=False)
        yield path, text.encode("utf-8")


class LibJianxi(unittest.TestCase):
    def test_version(self):
        self.assertRegex(lib.jianxi_version().decode(), r"^\d+\.\d+\.\d+$")

    def test_every_case_file_gives_the_cli_bytes(self):
        count = 0
        for path, request in case_requests():
            with self.subTest(case=str(path)):
                self.assertEqual(evaluate(request), cli(request))
                count += 1
        self.assertGreater(count, 50)

    def test_plain_entry_point_and_length(self):
        out_len = ctypes.c_size_t()
        ptr = lib.jianxi_evaluate(b'{"kind":"policies"}', 19, ctypes.byref(out_len))
        try:
            text = ctypes.string_at(ptr, out_len.value)
            self.assertEqual(ctypes.string_at(ptr), text)  # NUL-terminated as well
            self.assertTrue(json.loads(text)["ok"])
        finally:
            lib.jianxi_free(ptr)
        lib.jianxi_free(None)  # allowed, like free(NULL)

    def test_hostile_input_gives_a_result(self):
        for request in [b"", b"{bad", b"[" * 100000, b"\xff\xfe", b'{"kind":"policies"}\x00trailing',
                        b'{"kind":"subsidy","trainees":"x"}', b"null"]:
            with self.subTest(request=request[:20]):
                result, malformed = evaluate(request)
                self.assertEqual((result, malformed), cli(request))
                json.loads(result)
        ptr = lib.jianxi_evaluate(None, 0, None)  # NULL request of length 0, no length wanted
        self.assertTrue(ptr)
        lib.jianxi_free(ptr)

    def test_threads_get_the_same_answers(self):
        requests = [request for _, request in case_requests()][:40]
        expected = [evaluate(r) for r in requests]
        with ThreadPoolExecutor(max_workers=4) as pool:
            for _ in range(3):
                self.assertEqual(list(pool.map(evaluate, requests)), expected)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
