// Hand-written C++ reference for nbody.py (same operation order, no FMA).
#include <cmath>
#include <cstdio>

struct Body {
  double x, y, z, vx, vy, vz, m;
};

int main() {
  const int n = 8;
  Body b[n];
  for (int k = 0; k < n; ++k) b[k] = {double(k), double(k % 3), double(k % 5), 0.0, 0.1 * k, 0.0, 1.0 + k};
  for (int s = 0; s < 30000; ++s) {
    Body next[n];
    for (int i = 0; i < n; ++i) {
      double ax = 0, ay = 0, az = 0;
      for (int j = 0; j < n; ++j) {
        if (i == j) continue;
        double dx = b[j].x - b[i].x, dy = b[j].y - b[i].y, dz = b[j].z - b[i].z;
        double d2 = dx * dx + dy * dy + dz * dz + 0.01;
        double inv = b[j].m / (d2 * std::sqrt(d2));
        ax = ax + dx * inv;
        ay = ay + dy * inv;
        az = az + dz * inv;
      }
      double vx = b[i].vx + ax * 0.001, vy = b[i].vy + ay * 0.001, vz = b[i].vz + az * 0.001;
      next[i] = {b[i].x + vx * 0.001, b[i].y + vy * 0.001, b[i].z + vz * 0.001, vx, vy, vz, b[i].m};
    }
    for (int i = 0; i < n; ++i) b[i] = next[i];
  }
  double e = 0;
  for (int i = 0; i < n; ++i) {
    e = e + 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < n; ++j) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      e = e - b[i].m * b[j].m / std::sqrt(dx * dx + dy * dy + dz * dz + 0.01);
    }
  }
  std::printf("%.9f\n", e);
}
