# SIR epidemic model: Euler vs. RK4 integration over tuples of state.

def deriv(state, beta, gamma):
    s, i, r = state
    n = s + i + r
    new_inf = beta * s * i / n
    rec = gamma * i
    return (-new_inf, new_inf - rec, rec)

def add(a, b, k=1.0):
    return tuple(x + k * y for x, y in zip(a, b))

def euler(state, dt, beta, gamma):
    return add(state, deriv(state, beta, gamma), dt)

def rk4(state, dt, beta, gamma):
    k1 = deriv(state, beta, gamma)
    k2 = deriv(add(state, k1, dt / 2), beta, gamma)
    k3 = deriv(add(state, k2, dt / 2), beta, gamma)
    k4 = deriv(add(state, k3, dt), beta, gamma)
    total = tuple(a + 2 * b + 2 * c + d for a, b, c, d in zip(k1, k2, k3, k4))
    return add(state, total, dt / 6)

def run(stepper, state, days, dt, beta, gamma):
    steps = int(round(days / dt))
    traj = (state,)
    for _ in range(steps):
        state = stepper(state, dt, beta, gamma)
        traj = traj + (state,)
    return traj

beta, gamma = 0.3, 0.1
start = (9990.0, 10.0, 0.0)
dt = 0.5
e = run(euler, start, 160, dt, beta, gamma)
k = run(rk4, start, 160, dt, beta, gamma)
print("R0 =", beta / gamma, "steps:", len(k) - 1)
for day in (0, 20, 40, 60, 80, 120, 160):
    idx = int(day / dt)
    se, ie, re_ = e[idx]
    sk, ik, rk = k[idx]
    print(f"day {day:3d}  euler S={se:9.2f} I={ie:8.2f} R={re_:9.2f} | rk4 S={sk:9.2f} I={ik:8.2f} R={rk:9.2f}")
peak_idx = max(range(len(k)), key=lambda j: k[j][1])
print(f"rk4 peak infections {k[peak_idx][1]:.1f} on day {peak_idx * dt}")
print("population conserved:", all(abs(sum(s) - 10000.0) < 1e-6 for s in k))
final_r = k[-1][2] / 10000
print(f"attack rate {final_r:.4f}", "euler vs rk4 max diff in I:", round(max(abs(a[1] - b[1]) for a, b in zip(e, k)), 2))
herd = 1 - gamma / beta
print(f"herd immunity threshold {herd:.4f}", "S below threshold at end:", k[-1][0] / 10000 < 1 - herd)
