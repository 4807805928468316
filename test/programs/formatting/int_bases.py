# Integer presentation types: x, X, o, b, c, d, n with # and padding.
for v in (0, 10, 255, -255, 4096):
    print(f"{v:x} {v:X} {v:#x} {v:#X} {v:o} {v:#o} {v:b} {v:#b} {v:08b} {v:#010x}")
print(f"{65:c}{97:c}{8364:c}", format(255, "#06x"), format(-5, "#b"), format(5, "3o"))
print(hex(-1), oct(0), bin(255), hex(2 ** 40), bin(-(2 ** 10)))
print(f"{10:d} {True:d} {-0:d} {10:n} {1000000:n}")
print("".join(f"{b:08b}" for b in (1, 2, 255)), [f"{i:02x}" for i in range(14, 18)])
print(int(f"{3054:b}", 2), int(f"{3054:o}", 8), int(f"{3054:#x}", 16))
