# Alignment, fill characters, sign and zero-padding in format specs.
for v in (42, -42, 3.14159, "txt"):
    print(f"[{v:>10}] [{v:<10}] [{v:^10}] [{v:*^11}] [{v:-<8}]")
for v in (7, -7, 0):
    print(f"[{v:=+8}] [{v:08d}] [{v:+d}] [{v: d}] [{v:=^9}] [{v:#>6}]")
print(f"[{3.14159:08.3f}] [{-3.14159:08.3f}] [{2.5:+.1f}] [{-0.0:.2f}] [{0.0:+.1f}]")
print(f"[{'ab':<0}] [{'abcdef':>3}] [{'abcdef':.3}] [{'abcdef':>8.2}] [{'x':^4}]")
print("[{:>6}] [{:^7}] [{:<5}]".format(True, "None", 1.5))
print(f"[{True:>6d}] [{12:^5x}] [{255:>#8X}] [{-1.5:^+9.2f}]")
