# Escape-time Mandelbrot: one sum over every point of the grid (a parallel reduction).
def escape(cx, cy, limit):
    x = 0.0
    y = 0.0
    n = 0
    while n < limit and x * x + y * y <= 4.0:
        x, y = x * x - y * y + cx, 2.0 * x * y + cy
        n = n + 1
    return n


def grid(w, h, limit):
    return sum(escape(-2.0 + 2.5 * (k % w) / w, -1.25 + 2.5 * (k // w) / h, limit) for k in range(w * h))


print(grid(2000, 2000, 400))
