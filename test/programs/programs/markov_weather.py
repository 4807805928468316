# A Markov chain: simulation driven by an LCG, empirical vs. stationary distribution.

STATES = ("sunny", "cloudy", "rainy")
P = ((0.7, 0.2, 0.1),
     (0.3, 0.4, 0.3),
     (0.2, 0.4, 0.4))

def lcg_uniforms(seed, n):
    out = ()
    for _ in range(n):
        seed = (seed * 48271) % 2147483647
        out = out + (seed / 2147483647,)
    return out

def next_state(i, u):
    acc = 0.0
    for j, p in enumerate(P[i]):
        acc = acc + p
        if u < acc:
            return j
    return len(P) - 1

def simulate(start, us):
    path = (start,)
    for u in us:
        path = path + (next_state(path[-1], u),)
    return path

def vec_mat(v, m):
    return tuple(sum(v[i] * m[i][j] for i in range(len(v))) for j in range(len(m[0])))

def stationary(m, iters=200):
    v = (1.0,) + (0.0,) * (len(m) - 1)
    for k in range(iters):
        nv = vec_mat(v, m)
        if max(abs(a - b) for a, b in zip(v, nv)) < 1e-15:
            return nv, k
        v = nv
    return v, iters

us = lcg_uniforms(12345, 5000)
path = simulate(0, us)
print("first 20:", "".join(s[0].upper() for s in (STATES[i] for i in path[:20])))
counts = tuple(path.count(i) for i in range(3))
print("counts:", dict(zip(STATES, counts)))
empirical = tuple(c / len(path) for c in counts)
pi, iters = stationary(P)
print("converged after", iters, "iterations")
for name, e, p in zip(STATES, empirical, pi):
    print(f"{name:>7}: empirical {e:.4f} stationary {p:.6f} diff {abs(e - p):.4f}")
print("stationary sums to 1:", abs(sum(pi) - 1) < 1e-12)
trans = {(a, b): 0 for a in range(3) for b in range(3)}
for a, b in zip(path, path[1:]):
    trans = trans | {(a, b): trans[(a, b)] + 1}
for a in range(3):
    total = sum(trans[(a, b)] for b in range(3))
    print(STATES[a], [round(trans[(a, b)] / total, 3) for b in range(3)])
runs = ()
cur, length = path[0], 0
for s in path:
    if s == cur:
        length = length + 1
    else:
        runs = runs + ((cur, length),)
        cur, length = s, 1
runs = runs + ((cur, length),)
print("longest run:", max(runs, key=lambda r: r[1]), "mean sunny run:", round(sum(l for s, l in runs if s == 0) / sum(1 for s, _ in runs if s == 0), 3))
