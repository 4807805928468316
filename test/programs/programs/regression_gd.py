# Linear regression: closed form vs. batch gradient descent on LCG-generated data.

def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        yield seed / 2 ** 31

def make_data(n, slope, intercept, noise, seed):
    r = lcg(seed)
    xs = tuple(round(next(r) * 10, 3) for _ in range(n))
    ys = tuple(slope * x + intercept + (next(r) - 0.5) * 2 * noise for x in xs)
    return xs, ys

def mean(v):
    return sum(v) / len(v)

def closed_form(xs, ys):
    mx, my = mean(xs), mean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sxy / sxx
    return slope, my - slope * mx

def mse(xs, ys, w, b):
    return sum((w * x + b - y) ** 2 for x, y in zip(xs, ys)) / len(xs)

def gradient_descent(xs, ys, lr, epochs):
    w, b = 0.0, 0.0
    n = len(xs)
    history = ()
    for epoch in range(epochs):
        errs = tuple(w * x + b - y for x, y in zip(xs, ys))
        gw = 2 * sum(e * x for e, x in zip(errs, xs)) / n
        gb = 2 * sum(errs) / n
        w, b = w - lr * gw, b - lr * gb
        if epoch % 200 == 0 or epoch == epochs - 1:
            history = history + ((epoch, round(mse(xs, ys, w, b), 6)),)
    return w, b, history

def r_squared(xs, ys, w, b):
    my = mean(ys)
    ss_res = sum((y - (w * x + b)) ** 2 for x, y in zip(xs, ys))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return 1 - ss_res / ss_tot

xs, ys = make_data(40, 2.5, -1.0, 1.5, seed=2024)
print("first points:", [(x, round(y, 3)) for x, y in zip(xs[:4], ys[:4])])
w0, b0 = closed_form(xs, ys)
print(f"closed form: w={w0:.6f} b={b0:.6f} mse={mse(xs, ys, w0, b0):.6f} r2={r_squared(xs, ys, w0, b0):.6f}")
w1, b1, hist = gradient_descent(xs, ys, lr=0.01, epochs=1001)
for epoch, loss in hist:
    print(f"  epoch {epoch:4d}: mse={loss}")
print(f"gradient descent: w={w1:.4f} b={b1:.4f}")
print("agree to 2 decimals:", round(w0, 2) == round(w1, 2), round(b0, 1) == round(b1, 1))
residuals = sorted(round(y - (w0 * x + b0), 2) for x, y in zip(xs, ys))
print("residual range:", residuals[0], residuals[-1], "median:", residuals[len(residuals) // 2])
