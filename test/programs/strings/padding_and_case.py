# Padding, case conversion and partitioning methods.
w = "Data"
print(repr(w.center(10)), repr(w.center(9, "*")), repr(w.ljust(7, ".")), repr(w.rjust(7)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print("hello world".title(), "hELLO wORLD".swapcase(), "mIXed".capitalize(), "ÉCOLE".lower())
print("they're bill's friends".title(), "ß".upper(), "Straße".casefold())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("a,b,,c".split(","), "a,b,,c".rsplit(",", 1), "a b  c".split(" ", 1), "x".split(","))
print("one\ntwo\r\nthree\n".splitlines(), "l1\nl2\n".splitlines(True), "".splitlines())
print("banana".count("a"), "banana".count("an"), "aaaa".count("aa"), "abc".count(""))
print("a\tb\tc".expandtabs(4), "ab".center(1), "x".center(4, "-"))
