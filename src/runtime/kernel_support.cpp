#include "runtime/kernel_support.h"

#include <cmath>
#include <memory>
#include <vector>

#include "runtime/list_builder.h"
#include "runtime/parallel_reduce.h"
#include "values/object.h"

extern "C" {

int32_t ufr_k_ipow(int64_t base, int64_t exp, int64_t* out) {
  if (exp < 0) return 0;  // Python gives a float: not this kernel's type
  int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return 0;
    }
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(base, base, &base)) return 0;
  }
  *out = result;
  return 1;
}

// float ** float as CPython's float_pow, for the cases that do not raise.
int32_t ufr_k_fpow(double a, double b, double* out) {
  if (b == 0.0) {
    *out = 1.0;
    return 1;
  }
  if (std::isnan(a) || std::isnan(b) || std::isinf(a) || std::isinf(b)) return 0;  // rare: boxed path
  if (a == 0.0 && b < 0.0) return 0;                  // ZeroDivisionError
  if (a < 0.0 && b != std::floor(b)) return 0;        // complex result
  double r = std::pow(a, b);
  if (std::isinf(r)) return 0;                        // OverflowError
  *out = r;
  return 1;
}

int32_t ufr_k_fmod(double a, double b, double* out) {
  if (b == 0.0) return 0;
  double m = std::fmod(a, b);
  if (m != 0.0) {
    if ((b < 0) != (m < 0)) m += b;
  } else {
    m = std::copysign(0.0, b);
  }
  *out = m;
  return 1;
}

int32_t ufr_k_ffloordiv(double a, double b, double* out) {
  if (b == 0.0) return 0;
  double m = std::fmod(a, b);
  double div = (a - m) / b;
  if (m != 0.0 && ((b < 0) != (m < 0))) div -= 1.0;
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
  *out = floordiv;
  return 1;
}

}  // extern "C"

void* ufr_k_list_new(int64_t kind, int64_t expected) {
  // A long list is written into one block of the expected size (list_builder.h), so that
  // when every item gave one element it needs no copy, as in parallel code.
  if (expected > ufora::kChunkElems)
    if (auto placement = ufora::ListPlacement::make(expected)) return new ufora::ListBuilder(ufora::PackedKind(kind), placement, 0, expected);
  return new ufora::ListBuilder(ufora::PackedKind(kind), expected);
}

void* ufr_k_list_new_part(int64_t kind, int64_t lo, int64_t hi, const void* out) {
  uint64_t placement = static_cast<const ufora::Partial*>(out)->acc;
  if (!placement) return new ufora::ListBuilder(ufora::PackedKind(kind), hi - lo);
  return new ufora::ListBuilder(ufora::PackedKind(kind), *reinterpret_cast<std::shared_ptr<ufora::ListPlacement>*>(uintptr_t(placement)), lo, hi);
}

void ufr_k_list_push(void* builder, int64_t bits) { static_cast<ufora::ListBuilder*>(builder)->push(bits); }

void* ufr_k_list_tail(void* builder) { return static_cast<ufora::ListBuilder*>(builder)->tail(); }

void* ufr_k_list_finish(void* builder) {
  std::unique_ptr<ufora::ListBuilder> b(static_cast<ufora::ListBuilder*>(builder));
  return b->finish();
}

void ufr_k_list_discard(void* builder) { delete static_cast<ufora::ListBuilder*>(builder); }

void* ufr_k_list_append(void* into, void* from) {
  std::unique_ptr<ufora::ListBuilder> tail(static_cast<ufora::ListBuilder*>(from));
  static_cast<ufora::ListBuilder*>(into)->append(std::move(*tail));
  return into;
}
