# printf-style % formatting.
print("%d %s %r %5.2f %-5d| %x %o %e %%" % (42, "s", "r", 3.14159, 7, 255, 8, 12345.678))
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 31})
print("%05d|%+d|% d|%-6s|%6s|%.3s" % (42, 42, 42, "ab", "ab", "abcdef"))
print("%X %#x %#o %c %c" % (255, 255, 8, 65, "z"))
print("%g %g %g %G %.3g" % (0.0001, 1e-5, 123456789.0, 1e-10, 3.14159))
print("%s" % (1, ), "%s" % "single", "%s and %s" % ("a", "b"), "%r" % ((1, 2),))
print("%*d|%-*d|%.*f" % (6, 42, 4, 7, 2, 2.71828))
print("%i %u %.0f %.1f %.2e" % (3.9, -4, 2.5, 0.05, 0.0))
rows = (("apple", 1.5, 3), ("kiwi", 0.25, 12))
for n, p, q in rows:
    print("%-8s %6.2f x %3d = %7.2f" % (n, p, q, p * q))
