# chr/ord round trips, bin/oct/hex and int() with bases.
print([ord(c) for c in "Az09 ~"], "".join(chr(i) for i in range(97, 103)), chr(0x263A), ord("\u03c0"))
print(all(ord(chr(i)) == i for i in range(0, 0x3000, 97)), chr(ord("a") + 25), ord(max("hello")))
for n in (0, 1, 10, 255, -42, 1024):
    print(n, bin(n), oct(n), hex(n), int(bin(n), 2), int(oct(n), 8), int(hex(n), 16), int(bin(n), 0))
print(int("zz", 36), int("Zz", 36), int("-0b11", 0), int("0_1", 8), int("17", 8), int("  0x_ff ", 16))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    m = abs(n)
    while m:
        m, r = divmod(m, b)
        out = digits[r] + out
    return ("-" if n < 0 else "") + out
print([to_base(2024, b) for b in (2, 3, 7, 16, 36)], to_base(-255, 16), all(int(to_base(k, 7), 7) == k for k in range(300)))
