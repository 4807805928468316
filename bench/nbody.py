# N-body simulation: bodies are tuples, each step builds new ones (immutable style).
import math


def step(bodies, dt):
    out = ()
    for i, (x, y, z, vx, vy, vz, m) in enumerate(bodies):
        ax = ay = az = 0.0
        for j, (x2, y2, z2, _, _, _, m2) in enumerate(bodies):
            if i != j:
                dx, dy, dz = x2 - x, y2 - y, z2 - z
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                inv = m2 / (d2 * math.sqrt(d2))
                ax, ay, az = ax + dx * inv, ay + dy * inv, az + dz * inv
        vx, vy, vz = vx + ax * dt, vy + ay * dt, vz + az * dt
        out = out + ((x + vx * dt, y + vy * dt, z + vz * dt, vx, vy, vz, m),)
    return out


def energy(bodies):
    e = 0.0
    for i, (x, y, z, vx, vy, vz, m) in enumerate(bodies):
        e = e + 0.5 * m * (vx * vx + vy * vy + vz * vz)
        for (x2, y2, z2, _, _, _, m2) in bodies[i + 1:]:
            e = e - m * m2 / math.sqrt((x - x2) ** 2 + (y - y2) ** 2 + (z - z2) ** 2 + 0.01)
    return e


bodies = tuple((float(k), float(k % 3), float(k % 5), 0.0, 0.1 * k, 0.0, 1.0 + k) for k in range(8))
for _ in range(30000):
    bodies = step(bodies, 0.001)
print(f"{energy(bodies):.9f}")
