# Monte-Carlo estimate of pi: each chunk draws points from its own LCG (a parallel sum).
def chunk_hits(chunk, n):
    s = chunk * 7919 + 1
    inside = 0
    for _ in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        x = s / 2147483648
        s = (s * 1103515245 + 12345) % 2147483648
        y = s / 2147483648
        if x * x + y * y < 1.0:
            inside = inside + 1
    return inside


def estimate(chunks, n):
    return 4.0 * sum(chunk_hits(c, n) for c in range(chunks)) / (chunks * n)


print(estimate(4096, 100_000))
