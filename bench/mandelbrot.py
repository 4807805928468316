# Escape-time Mandelbrot over a grid: float arithmetic in nested loops.
def escape(cx, cy, limit):
    x = 0.0
    y = 0.0
    n = 0
    while n < limit and x * x + y * y <= 4.0:
        x, y = x * x - y * y + cx, 2.0 * x * y + cy
        n = n + 1
    return n


def grid(width, height, limit):
    total = 0
    for j in range(height):
        for i in range(width):
            total = total + escape(-2.0 + 2.5 * i / width, -1.25 + 2.5 * j / height, limit)
    return total


print(grid(1000, 1000, 200))
